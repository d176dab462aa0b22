/** Doc comments in the three styles libclang attaches. */

/**
 * @brief A block comment with a brief line.
 *
 * And a second paragraph that only the full text keeps.
 */
typedef struct {
  /** Leading block comment on a field. */
  int leading;
  int trailing; /**< Trailing comment on a field. */
  /// Triple-slash comment on a field.
  int slashes;
  int undocumented;
} DcRecord;

/// A struct documented with triple slashes.
/// Over two lines.
typedef struct {
  int x; ///< Trailing triple-slash comment.
} DcSlashes;

/**
 * Computes something.
 *
 * @param a first input
 * @return the result
 */
int dc_compute(int a);
