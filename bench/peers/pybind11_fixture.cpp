// pybind11_fixture.cpp — hand-written pybind11 peer for the fixture library.
//
// Written the way NVIDIA's pyds binds DeepStream metadata, so the benchmark
// compares bindery against that style: py::class_ per struct with
// def_readwrite for scalars, return_value_policy::reference for nested
// structs and pointers, a str property for char arrays, numpy views with a
// dummy base for fixed arrays, a GList class with data/next/prev, and static
// cast() methods taking a capsule or an address. Lifetimes are not tracked
// (as in pyds): frames from fx_frame_new must be freed with fx_frame_free.
// Unlike pyds, the char-array setter is bounded and NUL-terminates, so the
// benchmark cannot corrupt memory.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstring>

#include "fixture.h"

namespace py = pybind11;

namespace {

// pyds-style cast(): a capsule (void*) or an integer address.
template <typename T, typename Class>
void add_cast(Class &cls) {
  cls.def_static(
      "cast", [](void *data) { return static_cast<T *>(data); },
      py::return_value_policy::reference);
  cls.def_static(
      "cast", [](size_t address) { return reinterpret_cast<T *>(address); },
      py::return_value_policy::reference);
}

// A pyds-style numpy view over a fixed array; the dummy base gives no
// lifetime link to the owning struct (as pyds does).
template <typename T>
py::array_t<T> fixed_array_view(T *data, size_t count) {
  py::capsule dummy(data, [](void *) {});
  return py::array_t<T>({count}, {sizeof(T)}, data, dummy);
}

// Bounded copy of a Python str into char[N] (pyds copies unbounded).
void set_char_array(char *dest, size_t size, const std::string &value) {
  g_strlcpy(dest, value.c_str(), size);
}

void bind_geometry(py::module_ &m) {
  py::class_<FxColor> color(m, "FxColor");
  color.def(py::init<>())
      .def_readwrite("red", &FxColor::red)
      .def_readwrite("green", &FxColor::green)
      .def_readwrite("blue", &FxColor::blue)
      .def_readwrite("alpha", &FxColor::alpha);
  add_cast<FxColor>(color);

  py::class_<FxRect> rect(m, "FxRect");
  rect.def(py::init<>())
      .def_readwrite("left", &FxRect::left)
      .def_readwrite("top", &FxRect::top)
      .def_readwrite("width", &FxRect::width)
      .def_readwrite("height", &FxRect::height)
      .def_property(
          "border_color", [](FxRect &r) { return &r.border_color; },
          [](FxRect &r, const FxColor &c) { r.border_color = c; },
          py::return_value_policy::reference)
      .def_readwrite("border_width", &FxRect::border_width);
  add_cast<FxRect>(rect);
}

void bind_object_strings(py::class_<FxObjectMeta> &obj) {
  obj.def_property(
         "obj_label", [](FxObjectMeta &o) { return std::string(o.obj_label); },
         [](FxObjectMeta &o, const std::string &s) {
           set_char_array(o.obj_label, FX_MAX_LABEL, s);
         })
      .def_property(
          "note",
          [](FxObjectMeta &o) -> py::object {
            if (o.note == nullptr) return py::none();
            return py::str(o.note);
          },
          [](FxObjectMeta &o, const std::string &s) {
            g_free(o.note);
            o.note = g_strdup(s.c_str());
          });
}

void bind_object(py::module_ &m) {
  py::class_<FxObjectMeta> obj(m, "FxObjectMeta");
  obj.def(py::init<>())
      .def_readwrite("class_id", &FxObjectMeta::class_id)
      .def_readwrite("object_id", &FxObjectMeta::object_id)
      .def_readwrite("confidence", &FxObjectMeta::confidence)
      .def_property(
          "rect", [](FxObjectMeta &o) { return &o.rect; },
          [](FxObjectMeta &o, const FxRect &r) { o.rect = r; },
          py::return_value_policy::reference)
      .def_readwrite("kind", &FxObjectMeta::kind)
      .def_readwrite("parent", &FxObjectMeta::parent, py::return_value_policy::reference)
      .def_property_readonly("misc",
          [](FxObjectMeta &o) { return fixed_array_view<gint64>(o.misc, FX_MISC_COUNT); })
      .def_property_readonly("embedding",
          [](FxObjectMeta &o) { return fixed_array_view<float>(o.embedding, FX_EMBEDDING_LEN); })
      .def_readwrite("i8", &FxObjectMeta::i8)
      .def_readwrite("u16", &FxObjectMeta::u16)
      .def_readwrite("u32", &FxObjectMeta::u32)
      .def_readwrite("i64", &FxObjectMeta::i64)
      .def_readwrite("score", &FxObjectMeta::score)
      .def_readwrite("visible", &FxObjectMeta::visible)
      .def_readwrite("user_data", &FxObjectMeta::user_data);
  bind_object_strings(obj);
  add_cast<FxObjectMeta>(obj);
}

// int32 (height, width) view of the mask; the Python mask object is the base.
py::array_t<gint32> mask_as_array(py::object self) {
  FxMask &mask = self.cast<FxMask &>();
  auto h = static_cast<py::ssize_t>(mask.height);
  auto w = static_cast<py::ssize_t>(mask.width);
  return py::array_t<gint32>({h, w}, {w * 4, py::ssize_t(4)}, mask.data, self);
}

void bind_frame(py::module_ &m) {
  py::class_<FxMask> mask(m, "FxMask");
  mask.def(py::init<>())
      .def_readwrite("width", &FxMask::width)
      .def_readwrite("height", &FxMask::height)
      .def("as_array", &mask_as_array);
  add_cast<FxMask>(mask);

  py::class_<FxUserMeta> um(m, "FxUserMeta");
  um.def(py::init<>())
      .def_readwrite("meta_type", &FxUserMeta::meta_type)
      .def_readwrite("user_data", &FxUserMeta::user_data);
  add_cast<FxUserMeta>(um);

  py::class_<FxFrameMeta> frame(m, "FxFrameMeta");
  frame.def(py::init<>())
      .def_readwrite("frame_num", &FxFrameMeta::frame_num)
      .def_readwrite("source_id", &FxFrameMeta::source_id)
      .def_readwrite("pts", &FxFrameMeta::pts)
      .def_readwrite("num_objects", &FxFrameMeta::num_objects)
      .def_readwrite("obj_list", &FxFrameMeta::obj_list, py::return_value_policy::reference)
      .def_readwrite("user_list", &FxFrameMeta::user_list, py::return_value_policy::reference)
      .def_readwrite("mask", &FxFrameMeta::mask, py::return_value_policy::reference)
      .def_property(
          "source_name", [](FxFrameMeta &f) { return std::string(f.source_name); },
          [](FxFrameMeta &f, const std::string &s) {
            set_char_array(f.source_name, FX_SOURCE_NAME_LEN, s);
          });
  add_cast<FxFrameMeta>(frame);
}

void bind_glist(py::module_ &m) {
  py::class_<GList>(m, "GList")
      .def(py::init<>())
      .def_readwrite("data", &GList::data)
      .def_readwrite("next", &GList::next, py::return_value_policy::reference)
      .def_readwrite("prev", &GList::prev, py::return_value_policy::reference);
}

void bind_functions(py::module_ &m) {
  auto ref = py::return_value_policy::reference;
  m.def("fx_frame_new", &fx_frame_new, ref, py::arg("num_objects"),
        py::arg("mask_width"), py::arg("mask_height"));
  m.def("fx_frame_free", &fx_frame_free, py::arg("frame"));
  m.def("fx_object_new", &fx_object_new, ref);
  m.def("fx_object_free", &fx_object_free, py::arg("obj"));
  m.def("fx_frame_add_object", &fx_frame_add_object, py::arg("frame"), py::arg("obj"));
  m.def("fx_frame_get_object", &fx_frame_get_object, ref, py::arg("frame"), py::arg("index"));
  m.def("fx_user_meta_new", &fx_user_meta_new, ref, py::arg("meta_type"), py::arg("user_data"));
  m.def("fx_frame_add_user_meta", &fx_frame_add_user_meta, py::arg("frame"), py::arg("meta"));
  m.def("fx_user_meta_copy", &fx_user_meta_copy, ref, py::arg("meta"));
  m.def("fx_user_meta_release", &fx_user_meta_release, py::arg("meta"));
  m.def("fx_frame_confidence_sum", &fx_frame_confidence_sum, py::arg("frame"),
        py::arg("class_id"));
  m.def("fx_add", &fx_add, py::arg("a"), py::arg("b"));
  m.def("fx_frame_scale", &fx_frame_scale, py::arg("frame"), py::arg("factor"));
}

}  // namespace

PYBIND11_MODULE(pybind11_fixture, m) {
  m.doc() = "pyds-style pybind11 bindings of the bindery fixture (benchmark peer)";
  py::enum_<FxObjectClass>(m, "FxObjectClass")
      .value("FX_CLASS_CAR", FX_CLASS_CAR)
      .value("FX_CLASS_PERSON", FX_CLASS_PERSON)
      .value("FX_CLASS_BICYCLE", FX_CLASS_BICYCLE)
      .value("FX_CLASS_SIGN", FX_CLASS_SIGN)
      .export_values();
  m.attr("FX_MAX_LABEL") = FX_MAX_LABEL;
  m.attr("FX_SOURCE_NAME_LEN") = FX_SOURCE_NAME_LEN;
  bind_geometry(m);
  bind_object(m);
  bind_frame(m);
  bind_glist(m);
  bind_functions(m);
}
