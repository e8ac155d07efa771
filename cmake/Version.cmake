# The version in one place: project(VERSION) in the top CMakeLists.txt. This writes it into
# <build>/generated/indexer/version.h (vankien::kVersion, VANKIEN_VERSION_*), which every
# library sees through vankien::base; the package (cmake/Packaging.cmake), the CMake config
# version file and vankien.pc (cmake/Install.cmake) read PROJECT_VERSION too.
set(VANKIEN_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.h.in ${VANKIEN_GENERATED_DIR}/indexer/version.h
               @ONLY)
target_include_directories(vankien_base INTERFACE $<BUILD_INTERFACE:${VANKIEN_GENERATED_DIR}>)
