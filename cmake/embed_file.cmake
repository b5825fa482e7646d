# Writes a C file that holds the bytes of a file, so the binary needs nothing
# from the disk at run time:
#   const char <SYMBOL>[] = {..., 0};          (NUL-terminated)
#   const size_t <SYMBOL>_size = <bytes, without the NUL>;
# usage: cmake -DINPUT=file -DOUTPUT=file.c -DSYMBOL=name -P embed_file.cmake
foreach(var INPUT OUTPUT SYMBOL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_file.cmake: ${var} is not set")
  endif()
endforeach()

file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
# Sixteen bytes per line.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n\t" bytes "${bytes}")
file(WRITE "${OUTPUT}"
  "/* Generated from ${INPUT} by cmake/embed_file.cmake; do not edit. */\n"
  "#include <stddef.h>\n\n"
  "extern const char ${SYMBOL}[];\n"
  "extern const size_t ${SYMBOL}_size;\n\n"
  "const char ${SYMBOL}[] = {\n\t${bytes}0x00\n};\n"
  "const size_t ${SYMBOL}_size = ${size};\n")
