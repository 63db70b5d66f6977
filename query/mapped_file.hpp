#pragma once
/// @file mapped_file.hpp
/// A whole file mapped read-only into memory, unmapped when it goes: how the
/// query library reads the index's own files (record store, term bitmaps)
/// without copying them.

#include <cstddef>
#include <string>

namespace coopatlas::query {

class MappedFile {
public:
    MappedFile() = default;
    /// Maps `path`; throws IndexError (with a "rebuild the index" hint) when
    /// it cannot be opened or mapped.
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const char* data() const { return data_; }
    size_t size() const { return size_; }

private:
    void unmap();

    const char* data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace coopatlas::query
