/* Check characters: 统一社会信用代码 (GB 32100, "gb32100") and 公民身份号码
 * (GB 11643, "gb11643"). */
#ifndef FL_CODECHECK_H
#define FL_CODECHECK_H
#include <stdbool.h>
#include "core/arena.h"

/* Check the first alphanumeric run of value (the code, without the words
 * around it) by algorithm: NULL when it passes or holds no code ("无"),
 * else why not in Chinese ("第18位校验码应为X"); *code gets the run. */
const char *fl_code_check(fl_arena *a, const char *algorithm, const char *value, const char **code);
bool fl_code_algorithm_known(const char *algorithm);
#endif
