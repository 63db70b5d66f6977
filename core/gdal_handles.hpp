#pragma once
/// @file gdal_handles.hpp
/// RAII for GDAL handles (the idea of libosmium's unique_ptr-with-deleter), and
/// one place that turns GDAL failures into exceptions naming driver and file.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

#include "error.hpp"

namespace coopatlas::gdal {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
struct FeatureDestroyer {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};

using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDestroyer>;

/// Registers the drivers once (thread-safe).
void ensure_registered();

/// Creates a new vector dataset with `driver_name` at `path` (overwriting nothing);
/// throws Error naming the driver and the path.
DatasetPtr create_vector(const std::string& driver_name, const std::string& path);

/// Opens a vector dataset read-only; throws Error when it cannot.
DatasetPtr open_vector(const std::string& path);

}  // namespace coopatlas::gdal
