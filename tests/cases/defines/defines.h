/** Integer #defines become module constants; other macros are ignored. */

/** Decimal. */
#define DF_DECIMAL 42
/** Negative, parenthesised. */
#define DF_NEGATIVE (-1)
/** Hexadecimal with an unsigned suffix. */
#define DF_HEX 0xFFu
/** Octal. */
#define DF_OCTAL 0755
/** Largest unsigned 64-bit value. */
#define DF_U64_MAX 0xFFFFFFFFFFFFFFFFULL
/** Long suffix. */
#define DF_LONG 100000L
/** An expression: not a single literal, ignored. */
#define DF_SHIFTED (1 << 4)
/** A string: ignored. */
#define DF_NAME "defines"
/** A float: ignored. */
#define DF_RATIO 0.5
/** Function-like: ignored. */
#define DF_TWICE(x) ((x) * 2)
/** Reserved name: ignored. */
#define _DF_PRIVATE 7

/** A struct so the module has a class. */
typedef struct {
  int value; /**< Value. */
} DfHolder;
