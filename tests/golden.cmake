# Run one golden case: the .cmd file holds the arguments (one per line, or a
# single line split on spaces; @SRC@ is the source tree, in the arguments and
# in the output). Working directory is the source tree so that paths in the
# output are relative and stable.
# CMP0053 NEW: without it a script reads "@SRC@" as a reference to SRC, and
# neither substitution below would do anything.
cmake_policy(SET CMP0053 NEW)
file(READ ${CASE} args)
string(STRIP "${args}" args)
string(REPLACE "@SRC@" "${SRC}" args "${args}")
string(REPLACE "\n" ";" args "${args}")
if(NOT args MATCHES ";")
  separate_arguments(args UNIX_COMMAND "${args}")
endif()
# The language: every case runs as a Chinese user's machine would (LANG
# zh_CN.UTF-8, nothing in LC_ALL or LC_MESSAGES to override it), whatever
# the machine running the tests has; a case that wants English says
# --lang en. Chinese is the default because the users are Chinese: the
# expected files show what a consultant or a bureau reviewer reads.
unset(ENV{LC_ALL})
unset(ENV{LC_MESSAGES})
set(ENV{LANG} "zh_CN.UTF-8")
# Legacy files (.doc, .rtf, .odt) are refused as on a machine without
# LibreOffice, so that no output depends on whether it is installed
# (tests/sh/legacy.sh converts them).
set(ENV{FL_SOFFICE} "none")
execute_process(COMMAND ${FL_BIN} ${args}
  WORKING_DIRECTORY ${SRC}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
# SARIF records the working folder (originalUriBaseIds, workingDirectory):
# written as @SRC@, so the expected files hold in any checkout
string(REPLACE "${SRC}" "@SRC@" out "${out}")
set(actual "${out}exit: ${rc}\n")
string(REGEX REPLACE "\\.cmd$" ".out" expected_file ${CASE})
if(UPDATE)
  file(WRITE ${expected_file} "${actual}")
  message(STATUS "updated ${expected_file}")
  return()
endif()
if(NOT EXISTS ${expected_file})
  message(FATAL_ERROR "missing expected file ${expected_file}; run with FL_GOLDEN_UPDATE=ON and review it")
endif()
file(READ ${expected_file} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${expected_file}.actual "${actual}")
  execute_process(COMMAND diff -u ${expected_file} ${expected_file}.actual)
  message(FATAL_ERROR "output differs from ${expected_file} (stderr: ${err})")
endif()
