#include "gdal_handles.hpp"

#include <cpl_error.h>

#include <mutex>

namespace coopatlas::gdal {

void ensure_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);  // errors are raised as exceptions instead
    });
}

DatasetPtr create_vector(const std::string& driver_name, const std::string& path) {
    ensure_registered();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (driver == nullptr) throw Error("GDAL driver '" + driver_name + "' is not available");
    DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error("GDAL " + driver_name + ": cannot create '" + path + "': " + CPLGetLastErrorMsg());
    return ds;
}

DatasetPtr open_vector(const std::string& path) {
    ensure_registered();
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw Error("GDAL: cannot open '" + path + "': " + CPLGetLastErrorMsg());
    return ds;
}

}  // namespace coopatlas::gdal
