#pragma once
#include <string>

namespace coopatlas {
/// "coopatlas 0.1.0 (Xapian 1.4.22, GDAL 3.6.2, cpp-httplib 0.11.4, ICU 72.1)"
std::string version_string();
}  // namespace coopatlas
