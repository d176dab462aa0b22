/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * NvBufAudio: a batch of raw audio buffers in system memory.
 */

#ifndef BINDERY_NVBUFAUDIO_H
#define BINDERY_NVBUFAUDIO_H

#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Size of the reserved tail of NvBufAudioParams, in bytes. */
#define RESERVED_BYTES 16

/** Sample format (signedness, width, byte order). */
typedef enum {
  NVBUF_AUDIO_INVALID_FORMAT, /**< Invalid. */
  NVBUF_AUDIO_S8,       /**< Signed 8-bit. */
  NVBUF_AUDIO_U8,       /**< Unsigned 8-bit. */
  NVBUF_AUDIO_S16LE,    /**< Signed 16-bit little-endian. */
  NVBUF_AUDIO_S16BE,    /**< Signed 16-bit big-endian. */
  NVBUF_AUDIO_U16LE,    /**< Unsigned 16-bit little-endian. */
  NVBUF_AUDIO_U16BE,    /**< Unsigned 16-bit big-endian. */
  NVBUF_AUDIO_S24_32LE, /**< Signed 24-bit in 32-bit containers, little-endian. */
  NVBUF_AUDIO_S24_32BE, /**< Signed 24-bit in 32-bit containers, big-endian. */
  NVBUF_AUDIO_U24_32LE, /**< Unsigned 24-bit in 32-bit containers, little-endian. */
  NVBUF_AUDIO_U24_32BE, /**< Unsigned 24-bit in 32-bit containers, big-endian. */
  NVBUF_AUDIO_S32LE,    /**< Signed 32-bit little-endian. */
  NVBUF_AUDIO_S32BE,    /**< Signed 32-bit big-endian. */
  NVBUF_AUDIO_U32LE,    /**< Unsigned 32-bit little-endian. */
  NVBUF_AUDIO_U32BE,    /**< Unsigned 32-bit big-endian. */
  NVBUF_AUDIO_S24LE,    /**< Signed packed 24-bit little-endian. */
  NVBUF_AUDIO_S24BE,    /**< Signed packed 24-bit big-endian. */
  NVBUF_AUDIO_U24LE,    /**< Unsigned packed 24-bit little-endian. */
  NVBUF_AUDIO_U24BE,    /**< Unsigned packed 24-bit big-endian. */
  NVBUF_AUDIO_S20LE,    /**< Signed 20-bit little-endian. */
  NVBUF_AUDIO_S20BE,    /**< Signed 20-bit big-endian. */
  NVBUF_AUDIO_U20LE,    /**< Unsigned 20-bit little-endian. */
  NVBUF_AUDIO_U20BE,    /**< Unsigned 20-bit big-endian. */
  NVBUF_AUDIO_S18LE,    /**< Signed 18-bit little-endian. */
  NVBUF_AUDIO_S18BE,    /**< Signed 18-bit big-endian. */
  NVBUF_AUDIO_U18LE,    /**< Unsigned 18-bit little-endian. */
  NVBUF_AUDIO_U18BE,    /**< Unsigned 18-bit big-endian. */
  NVBUF_AUDIO_F32LE,    /**< 32-bit float little-endian. */
  NVBUF_AUDIO_F32BE,    /**< 32-bit float big-endian. */
  NVBUF_AUDIO_F64LE,    /**< 64-bit float little-endian. */
  NVBUF_AUDIO_F64BE     /**< 64-bit float big-endian. */
} NvBufAudioFormat;

/** How channels are arranged in memory. */
typedef enum {
  NVBUF_AUDIO_INVALID_LAYOUT,  /**< Invalid. */
  NVBUF_AUDIO_INTERLEAVED,     /**< One sample of each channel in turn (LRLR...). */
  NVBUF_AUDIO_NON_INTERLEAVED, /**< All samples of one channel, then the next (LL..RR..). */
} NvBufAudioLayout;

/** One audio buffer of a batch. */
typedef struct {
  NvBufAudioLayout layout; /**< Channel arrangement. */
  NvBufAudioFormat format; /**< Sample format. */
  uint32_t bpf;            /**< Bytes per frame (sample size x channels). */
  uint32_t channels;       /**< Number of channels. */
  uint32_t rate;           /**< Samples per second. */
  uint32_t dataSize;       /**< Bytes at @a dataPtr. */
  void *dataPtr;           /**< The samples. */
  uint32_t padId;          /**< Muxer sink pad the buffer arrived on. */
  uint32_t sourceId;       /**< Source identifier. */
  uint64_t ntpTimestamp;   /**< NTP timestamp, in nanoseconds. */
  uint64_t bufPts;         /**< Presentation timestamp, in nanoseconds. */
  uint64_t duration;       /**< Duration, in nanoseconds. */
  uint8_t reserved[RESERVED_BYTES]; /**< Reserved. */
} NvBufAudioParams;

/** A batch of audio buffers. */
typedef struct {
  uint32_t numFilled;             /**< Entries of @a audioBuffers in use. */
  uint32_t batchSize;             /**< Capacity of @a audioBuffers. */
  bool isContiguous;              /**< The data of consecutive entries is contiguous. */
  NvBufAudioParams *audioBuffers; /**< Array of @a batchSize buffers. */
} NvBufAudio;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVBUFAUDIO_H */
