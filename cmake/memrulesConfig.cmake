include("${CMAKE_CURRENT_LIST_DIR}/memrules.cmake")
