/*
 * Deliberately broken program for the leak-check self test: it loses a
 * heap block and reads past the end of another. The "valgrind-selfcheck"
 * test runs it under the same valgrind options as the leak check and
 * expects valgrind to fail, proving the check is able to fail.
 */
#include <glib.h>

int
main (void)
{
  volatile gchar *lost = g_malloc (64);
  gchar *small = g_malloc (4);
  volatile gchar past;

  lost[0] = 1;
  past = small[4];              /* invalid read, one byte past the end */
  (void) past;
  g_free (small);
  lost = NULL;                  /* the 64-byte block is now unreachable */
  return 0;
}
