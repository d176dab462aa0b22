"""The framework API: native classes re-exported from
``mediapipe.python._framework_bindings`` plus the packet creator and getter
modules (native functions and the few written in Python)."""

from mediapipe.python._framework_bindings import resource_util
from mediapipe.python._framework_bindings.calculator_graph import CalculatorGraph
from mediapipe.python._framework_bindings.calculator_graph import GraphInputStreamAddMode
from mediapipe.python._framework_bindings.image import Image
from mediapipe.python._framework_bindings.image_frame import ImageFormat
from mediapipe.python._framework_bindings.image_frame import ImageFrame
from mediapipe.python._framework_bindings.matrix import Matrix
from mediapipe.python._framework_bindings.packet import Packet
from mediapipe.python._framework_bindings.timestamp import Timestamp
from mediapipe.python._framework_bindings.validated_graph_config import ValidatedGraphConfig
import mediapipe.python.packet_creator
import mediapipe.python.packet_getter

__all__ = [
    "CalculatorGraph",
    "GraphInputStreamAddMode",
    "Image",
    "ImageFormat",
    "ImageFrame",
    "Matrix",
    "Packet",
    "Timestamp",
    "ValidatedGraphConfig",
    "resource_util",
    "packet_creator",
    "packet_getter",
]
