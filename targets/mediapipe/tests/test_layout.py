"""Module layout and import paths (reference §1)."""

import importlib
import sys

import pytest

import mediapipe as mp

NATIVE = "mediapipe.python._framework_bindings"
SUBMODULES = ["packet", "timestamp", "image", "image_frame", "matrix", "calculator_graph",
              "validated_graph_config", "resource_util", "_packet_creator", "_packet_getter"]


@pytest.mark.parametrize("name", SUBMODULES)
def test_submodule_is_attribute_and_in_sys_modules(name):
    native = importlib.import_module(NATIVE)
    sub = getattr(native, name)
    assert sys.modules[f"{NATIVE}.{name}"] is sub
    assert sub.__name__ == f"{NATIVE}.{name}"


def test_dotted_imports():
    from mediapipe.python._framework_bindings.calculator_graph import CalculatorGraph
    from mediapipe.python._framework_bindings import image_frame
    assert CalculatorGraph is mp.CalculatorGraph
    assert image_frame.ImageFrame is mp.ImageFrame


@pytest.mark.parametrize("cls,module", [
    (mp.Packet, "packet"), (mp.Timestamp, "timestamp"), (mp.Image, "image"),
    (mp.ImageFrame, "image_frame"), (mp.ImageFormat, "image_frame"), (mp.Matrix, "matrix"),
    (mp.CalculatorGraph, "calculator_graph"), (mp.GraphInputStreamAddMode, "calculator_graph"),
    (mp.ValidatedGraphConfig, "validated_graph_config"),
])
def test_class_module_names(cls, module):
    assert cls.__module__ == f"{NATIVE}.{module}"


def test_python_package_reexports():
    import mediapipe.python as mpp
    for name in ["CalculatorGraph", "GraphInputStreamAddMode", "Image", "ImageFormat", "ImageFrame",
                 "Matrix", "Packet", "Timestamp", "ValidatedGraphConfig", "resource_util",
                 "packet_creator", "packet_getter"]:
        assert hasattr(mpp, name), name
        assert hasattr(mp, name), name


def test_creator_and_getter_public_names():
    creators = [n for n in dir(mp.packet_creator) if n.startswith("create_")]
    getters = [n for n in dir(mp.packet_getter) if n.startswith("get_")]
    assert len(creators) == 27
    assert len(getters) == 18
    for missing in ["get_double", "get_int_array", "get_string", "get_int_vector", "get_packet_vector"]:
        assert not hasattr(mp.packet_getter, missing)


def test_protobuf_modules_import():
    from mediapipe.framework import calculator_pb2
    from mediapipe.framework.formats import detection_pb2
    assert calculator_pb2.CalculatorGraphConfig.DESCRIPTOR.full_name == "mediapipe.CalculatorGraphConfig"
    assert detection_pb2.Detection.DESCRIPTOR.full_name == "mediapipe.Detection"


def test_enum_values_exported_into_modules():
    from mediapipe.python._framework_bindings import calculator_graph, image_frame
    assert image_frame.SRGB == mp.ImageFormat.SRGB
    assert calculator_graph.ADD_IF_NOT_FULL == mp.GraphInputStreamAddMode.ADD_IF_NOT_FULL


def test_resource_util_set_resource_dir():
    from mediapipe.python._framework_bindings import resource_util
    assert resource_util.set_resource_dir("/tmp") is None
    with pytest.raises(TypeError):
        resource_util.set_resource_dir(1)
