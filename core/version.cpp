#include "version.hpp"

#include <gdal.h>
#include <unicode/uversion.h>
#include <xapian.h>

#ifndef COOPATLAS_VERSION
#define COOPATLAS_VERSION "unknown"
#endif
#ifndef COOPATLAS_HTTPLIB_VERSION
#define COOPATLAS_HTTPLIB_VERSION "unknown"
#endif

namespace coopatlas {

std::string version_string() {
    return std::string("coopatlas ") + COOPATLAS_VERSION + " (Xapian " + Xapian::version_string() + ", GDAL " +
           GDALVersionInfo("RELEASE_NAME") + ", cpp-httplib " + COOPATLAS_HTTPLIB_VERSION + ", ICU " + U_ICU_VERSION +
           ")";
}

}  // namespace coopatlas
