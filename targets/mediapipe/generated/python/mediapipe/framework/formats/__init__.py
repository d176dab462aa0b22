"""Generated protobuf modules of MediaPipe's data formats (``detection_pb2``, ...)."""
