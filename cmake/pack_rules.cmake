# Packs every file under RULES_DIR (rules and word lists) into one blob: for each file,
# "<relative path>\n<size in bytes>\n<bytes>". src/match/embedded_rules.cc reads it back.
file(GLOB_RECURSE files RELATIVE ${RULES_DIR} ${RULES_DIR}/*.rules ${RULES_DIR}/lists/*.txt ${RULES_DIR}/lists/*.tsv)
list(SORT files)
file(WRITE ${OUT}.tmp "")
foreach(f IN LISTS files)
  file(SIZE ${RULES_DIR}/${f} size)
  file(READ ${RULES_DIR}/${f} content)
  file(APPEND ${OUT}.tmp "${f}\n${size}\n")
  file(APPEND ${OUT}.tmp "${content}")
endforeach()
file(RENAME ${OUT}.tmp ${OUT})
