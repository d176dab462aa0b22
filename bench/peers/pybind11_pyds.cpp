// A pybind11 peer written the way NVIDIA's pyds binds the DeepStream
// metadata, for the structs and functions a probe walk needs (stand-in
// headers, same layouts): def_readwrite scalars, reference-policy nested
// structs, a GList with data/next, static cast() from a capsule or an int,
// obj_label as a char-array property, get_segmentation_masks as a copy,
// gst_buffer_get_nvds_batch_meta from hash(gst_buffer).
// Our own code, written for the benchmark only.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstring>

#include "gstnvdsinfer.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

namespace py = pybind11;

template <typename T, typename Class>
void add_cast(Class &cls) {
  cls.def_static("cast", [](void *data) { return static_cast<T *>(data); }, py::return_value_policy::reference);
  cls.def_static("cast", [](size_t address) { return reinterpret_cast<T *>(address); }, py::return_value_policy::reference);
}

PYBIND11_MODULE(pybind11_pyds, m) {
  py::class_<GList>(m, "GList")
      .def_readwrite("data", &GList::data)
      .def_readwrite("next", &GList::next, py::return_value_policy::reference);

  py::class_<NvOSD_ColorParams> color(m, "NvOSD_ColorParams");
  color.def_readwrite("red", &NvOSD_ColorParams::red)
      .def_readwrite("green", &NvOSD_ColorParams::green)
      .def_readwrite("blue", &NvOSD_ColorParams::blue)
      .def_readwrite("alpha", &NvOSD_ColorParams::alpha)
      .def("set", [](NvOSD_ColorParams &self, double r, double g, double b, double a) {
        self.red = r; self.green = g; self.blue = b; self.alpha = a;
      });

  py::class_<NvOSD_RectParams>(m, "NvOSD_RectParams")
      .def_readwrite("left", &NvOSD_RectParams::left)
      .def_readwrite("top", &NvOSD_RectParams::top)
      .def_readwrite("width", &NvOSD_RectParams::width)
      .def_readwrite("height", &NvOSD_RectParams::height)
      .def_readwrite("border_color", &NvOSD_RectParams::border_color, py::return_value_policy::reference);

  py::class_<NvDsObjectMeta> obj(m, "NvDsObjectMeta");
  add_cast<NvDsObjectMeta>(obj);
  obj.def_readwrite("class_id", &NvDsObjectMeta::class_id)
      .def_readwrite("confidence", &NvDsObjectMeta::confidence)
      .def_readwrite("rect_params", &NvDsObjectMeta::rect_params, py::return_value_policy::reference)
      .def_property("obj_label",
          [](NvDsObjectMeta &self) { return std::string(self.obj_label); },
          [](NvDsObjectMeta &self, std::string s) { std::memcpy(self.obj_label, s.data(), s.size()); });

  py::class_<NvDsFrameMeta> frame(m, "NvDsFrameMeta");
  add_cast<NvDsFrameMeta>(frame);
  frame.def_readwrite("frame_num", &NvDsFrameMeta::frame_num)
      .def_readwrite("obj_meta_list", &NvDsFrameMeta::obj_meta_list, py::return_value_policy::reference);

  py::class_<NvDsBatchMeta> batch(m, "NvDsBatchMeta");
  add_cast<NvDsBatchMeta>(batch);
  batch.def_readwrite("frame_meta_list", &NvDsBatchMeta::frame_meta_list, py::return_value_policy::reference);

  py::class_<NvDsInferSegmentationMeta> seg(m, "NvDsInferSegmentationMeta");
  add_cast<NvDsInferSegmentationMeta>(seg);
  seg.def_readonly("width", &NvDsInferSegmentationMeta::width)
      .def_readonly("height", &NvDsInferSegmentationMeta::height);

  // As pyds: the GstBuffer arrives as hash(gst_buffer), an integer address.
  m.def("gst_buffer_get_nvds_batch_meta", [](size_t buffer) {
    return gst_buffer_get_nvds_batch_meta(reinterpret_cast<GstBuffer *>(buffer));
  }, py::return_value_policy::reference);

  m.def("get_segmentation_masks", [](NvDsInferSegmentationMeta *meta) {
    py::array_t<int32_t> out({meta->height, meta->width});
    std::memcpy(out.mutable_data(), meta->class_map, sizeof(int32_t) * meta->width * meta->height);
    return out;
  });
}
