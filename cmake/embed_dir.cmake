# Writes a C file that holds every file under a folder, so the binary needs
# nothing from the disk at run time:
#   const mg_embedded_file <SYMBOL>[] = {{"relative/path", bytes, size}, ...};
#   const size_t <SYMBOL>_count;
# Files are listed in path order; each one's bytes are NUL-terminated.
# (render/embedded.h declares the type.)
# usage: cmake -DINPUT_DIR=dir -DOUTPUT=file.c -DSYMBOL=name -P embed_dir.cmake
foreach(var INPUT_DIR OUTPUT SYMBOL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_dir.cmake: ${var} is not set")
  endif()
endforeach()

file(GLOB_RECURSE files RELATIVE "${INPUT_DIR}" "${INPUT_DIR}/*")
list(SORT files)
string(CONCAT body "/* Generated from ${INPUT_DIR} by cmake/embed_dir.cmake; do not edit. */\n"
       "#include \"render/embedded.h\"\n\n")
set(table "")
set(index 0)
foreach(file IN LISTS files)
  file(READ "${INPUT_DIR}/${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n\t" bytes "${bytes}")
  string(APPEND body "static const unsigned char file${index}[] = {\n\t${bytes}0x00\n};\n")
  string(APPEND table "\t{\"${file}\", (const char *)file${index}, ${size}},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "\nconst mg_embedded_file ${SYMBOL}[] = {\n${table}\t{0, 0, 0},\n};\n")
string(APPEND body "const size_t ${SYMBOL}_count = ${index};\n")
file(WRITE "${OUTPUT}" "${body}")
