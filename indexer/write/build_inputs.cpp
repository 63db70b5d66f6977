#include "indexer/write/build_inputs.hpp"

#include <openssl/evp.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/utc_time.hpp"

namespace fs = std::filesystem;

namespace coopatlas::indexer {

namespace {

std::string sha256_hex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read '" + path + "'");
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw Error("SHA-256 is unavailable");
    std::vector<char> buffer(1 << 16);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<size_t>(in.gcount()));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += kDigits[digest[i] >> 4];
        hex += kDigits[digest[i] & 0xf];
    }
    return hex;
}

}  // namespace

nlohmann::json describe_file(const std::string& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec || !fs::is_regular_file(absolute)) throw Error("'" + path + "' is not a readable file");
    const auto modified = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        fs::file_time_type::clock::to_sys(fs::last_write_time(absolute)));
    return {{"path", absolute.string()},
            {"bytes", fs::file_size(absolute)},
            {"modified", iso8601_utc(modified)},
            {"sha256", sha256_hex(absolute.string())}};
}

nlohmann::json describe_npm_package(const std::string& package_dir) {
    const fs::path manifest = fs::path(package_dir) / "package.json";
    std::ifstream in(manifest);
    if (!in) throw Error("cannot read '" + manifest.string() + "' (install the npm packages: npm ci)");
    const auto package = nlohmann::json::parse(in, nullptr, false);
    if (!package.is_object() || !package.contains("version") || !package["version"].is_string())
        throw Error("'" + manifest.string() + "' has no version");
    return {{"path", fs::absolute(package_dir).lexically_normal().string()},
            {"name", package.value("name", "")},
            {"version", package["version"]}};
}

}  // namespace coopatlas::indexer
