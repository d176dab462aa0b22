/* Golden case: a C++ header whose structs hold standard containers. */
#ifndef CXX_CONTAINERS_H
#define CXX_CONTAINERS_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#ifdef __cplusplus
extern "C" {
#endif

/** A plain C struct, stored by value in a vector. */
typedef struct {
  int x; /**< Horizontal position. */
  int y; /**< Vertical position. */
} CxPoint;

/** Kinds of samples. */
typedef enum { CX_SAMPLE_A = 0, CX_SAMPLE_B = 1 } CxSampleKind;

/** One record of every container kind. */
typedef struct {
  std::string name;                                 /**< A string. */
  std::vector<int> sizes;                           /**< Numbers. */
  std::vector<double> weights;                      /**< Floats. */
  std::vector<std::string> labels;                  /**< Strings. */
  std::vector<CxPoint> points;                      /**< Structs: views into the vector. */
  std::vector<CxSampleKind> kinds;                  /**< Enums, as integers. */
  std::unordered_map<std::string, bool> flags;      /**< String keys, bool values. */
  std::unordered_map<int, uint32_t> counts;         /**< Integer keys. */
  std::map<std::string, uint64_t> totals;           /**< An ordered map. */
  std::vector<std::vector<int>> grid;               /**< Nested containers: skipped. */
  std::shared_ptr<int> shared;                      /**< Not a container: skipped. */
  unsigned int id;                                  /**< A plain member beside them. */
} CxRecord;

/** Embeds a record: read-only, as copying it byte by byte would share its containers. */
typedef struct {
  CxRecord record; /**< The embedded record. */
  int flags;       /**< A plain member. */
} CxHolder;

/** A C function declared in the C++ header. @return The record's id. */
unsigned int cx_record_id(const CxRecord *record);

/** A header-defined (`static inline`) helper: parsed as C++, it is wrapped in the C++ shim. @return The id plus @a offset. */
static inline unsigned int cx_record_id_plus(const CxRecord *record, unsigned int offset) { return record->id + offset; }

#ifdef __cplusplus
}
#endif

#endif
