# Installation and the Debian package (included at the end of the top-level CMakeLists.txt).
#
#   cmake --install BUILD [--prefix /usr]      bin/reachlint, the man page, bash completion
#   cpack --config BUILD/CPackConfig.cmake -G DEB   -> reachlint_<version>_<arch>.deb
#
# A package runs on machines other than the one that built it, so it must not be built with the
# default -march=native. Packagers configure with a portable level that keeps simdjson's fast
# kernel, which needs AVX2, BMI and PCLMULQDQ:
#
#   cmake -S . -B build-pkg -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF \
#         -DREACHLINT_MARCH=haswell -DCMAKE_INSTALL_PREFIX=/usr
#
# (-march=x86-64-v3 has no PCLMULQDQ: simdjson then silently compiles its slow fallback kernel.
# For other architectures pass their own level, or an empty REACHLINT_MARCH for the compiler's
# default.) `cpack` refuses to package a binary built with REACHLINT_MARCH=native.
# The Depends line comes from dpkg-shlibdeps (Debian's dpkg-dev package).

include(GNUInstallDirs)

install(TARGETS reachlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The man page, compressed as Debian policy wants (gzip -9n: no name or time stamp, so the package
# is reproducible). Compressed at configure time, again whenever the page changes.
set(REACHLINT_MANPAGE ${CMAKE_CURRENT_SOURCE_DIR}/docs/reachlint.1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${REACHLINT_MANPAGE})
find_program(REACHLINT_GZIP gzip)
if(REACHLINT_GZIP)
  execute_process(COMMAND ${REACHLINT_GZIP} -9 -n -c ${REACHLINT_MANPAGE}
                  OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/reachlint.1.gz RESULT_VARIABLE gzip_status)
endif()
if(REACHLINT_GZIP AND gzip_status EQUAL 0)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/reachlint.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  install(FILES ${REACHLINT_MANPAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# bash-completion loads completions/<command> on demand.
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/scripts/completion/reachlint.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME reachlint)

# --- CPack: the Debian package ---------------------------------------------------------------
set(REACHLINT_PACKAGE_MAINTAINER "reachlint maintainers <maintainers@users.noreply.r-seed-7ed25ac4.example>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME reachlint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "reachlint")
set(CPACK_PACKAGE_CONTACT ${REACHLINT_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static FSx reachability linter for CloudFormation and AWS exports")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/reachlint/reachlint")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME reachlint)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # reachlint_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${REACHLINT_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${CPACK_PACKAGE_HOMEPAGE_URL})
# Depends from the binary's shared libraries (libsimdjson14, libre2-9, libfmt9, libstdc++6, libc6...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Summary line, then the extended description (CPack indents it).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
reachlint answers, before you deploy, whether every intended client can reach each
Amazon FSx file system's NFS endpoint and get the answer back, now and after a
failover. It reads CloudFormation JSON templates (including cdk synth output and
cdk.out assemblies) and AWS CLI exports, traces the packet hop by hop through route
tables, transit gateways, security groups and network ACLs, and reports every
broken hop as text, JSON or SARIF 2.1.0 for code scanning.")

# cpack reads this file before packaging: a -march=native binary is not a package for other machines.
set(CPACK_REACHLINT_MARCH "${REACHLINT_MARCH}")  # CPACK_* variables reach CPackConfig.cmake
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake)
file(WRITE ${CPACK_PROJECT_CONFIG_FILE} [=[
if(CPACK_REACHLINT_MARCH STREQUAL "native")
  message(FATAL_ERROR "reachlint was configured with REACHLINT_MARCH=native: the package would "
    "only run on CPUs like this one. Configure with -DREACHLINT_MARCH=haswell (portable, keeps "
    "simdjson's AVX2 kernel; see cmake/packaging.cmake) and build again.")
endif()
]=])

include(CPack)
