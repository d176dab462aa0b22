"""Generated protobuf modules (``calculator_pb2``, ...), produced at build time
by ``targets/mediapipe/build_protos.sh`` from ``targets/mediapipe/core/proto``."""
