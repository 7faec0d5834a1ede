# memrules.cmake — memrules_enable(): build a target with the memrules GCC plugin.
#
#   include(/path/to/memrules/cmake/memrules.cmake)   # or: find_package(memrules)
#   memrules_enable(app)                               # findings are warnings
#   memrules_enable(app ERROR double-free use-after-free DISABLE leak
#                   EXCLUDE "*/third_party/*" SARIF_DIR ${CMAKE_BINARY_DIR}/sarif)
#
# Adds -fplugin=... and its -fplugin-arg-memrules-* options to the C and C++
# compilations of TARGET (not to its link: the plugin only runs when compiling).
# PLUGIN defaults to MEMRULES_PLUGIN, else the installed short name "memrules"
# (gcc looks it up in $(gcc -print-file-name=plugin)).  SARIF_DIR makes every
# translation unit write its own log there; the target memrules-sarif then merges
# them into ${SARIF_DIR}/../memrules.sarif with memrules-sarif-merge.
# Does nothing (with a message) when the compiler is not GCC.

function(memrules_enable target)
  cmake_parse_arguments(MR "" "PLUGIN;SARIF_DIR;BUDGET" "ERROR;DISABLE;ENABLE;EXCLUDE"
                        ${ARGN})
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "GNU" AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(STATUS "memrules: ${target}: not GCC, plugin not enabled")
    return()
  endif()
  if(NOT MR_PLUGIN)
    if(MEMRULES_PLUGIN)
      set(MR_PLUGIN "${MEMRULES_PLUGIN}")
    else()
      set(MR_PLUGIN memrules)
    endif()
  endif()
  set(opts "-fplugin=${MR_PLUGIN}")
  if(MR_DISABLE)
    string(REPLACE ";" "," v "${MR_DISABLE}")
    list(APPEND opts "-fplugin-arg-memrules-disable=${v}")
  endif()
  if(MR_ENABLE)
    string(REPLACE ";" "," v "${MR_ENABLE}")
    list(APPEND opts "-fplugin-arg-memrules-enable=${v}")
  endif()
  if(MR_ERROR)
    string(REPLACE ";" "," v "${MR_ERROR}")
    list(APPEND opts "-fplugin-arg-memrules-error=${v}")
  endif()
  if(MR_EXCLUDE)
    string(REPLACE ";" ":" v "${MR_EXCLUDE}")
    list(APPEND opts "-fplugin-arg-memrules-exclude=${v}")
  endif()
  if(MR_BUDGET)
    list(APPEND opts "-fplugin-arg-memrules-budget=${MR_BUDGET}")
  endif()
  if(MR_SARIF_DIR)
    file(MAKE_DIRECTORY "${MR_SARIF_DIR}")
    list(APPEND opts "-fplugin-arg-memrules-sarif=${MR_SARIF_DIR}/")
    find_program(MEMRULES_SARIF_MERGE memrules-sarif-merge
                 HINTS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../tools"
                       "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../../bin")
    if(MEMRULES_SARIF_MERGE AND NOT TARGET memrules-sarif)
      get_filename_component(out "${MR_SARIF_DIR}/../memrules.sarif" ABSOLUTE)
      add_custom_target(memrules-sarif
        COMMAND "${MEMRULES_SARIF_MERGE}" --srcroot "${CMAKE_SOURCE_DIR}" -o "${out}"
                "${MR_SARIF_DIR}"
        COMMENT "memrules: merging SARIF logs into ${out}" VERBATIM)
    endif()
  endif()
  target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C,CXX>:${opts}>")
endfunction()
