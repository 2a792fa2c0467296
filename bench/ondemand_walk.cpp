// The baseline process for bench/run.sh: the least a linter of a JSON template has to do.
//
// It maps the file (or, when the zero-filled tail of the last page is shorter than
// SIMDJSON_PADDING, copies it into a simdjson::padded_string), walks the whole document once
// with simdjson On-Demand, reading every key and every scalar, and prints a checksum so that
// the compiler cannot drop the walk. It is built with the same -march flags as reachlint's
// engine (see bench/CMakeLists.txt), links the same libsimdjson, and exits 0, or 2 on an
// input error, like `reachlint -q`.
//
//   ondemand_walk FILE...   (several files: one process walks them all, as the linter does)

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace {

namespace od = simdjson::ondemand;

// FNV-1a over every key and string, plus the bit patterns of numbers and booleans.
struct Checksum {
  uint64_t hash = 1469598103934665603ULL;
  uint64_t values = 0;

  void add(std::string_view bytes) {
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  }
  void add(uint64_t bits) {
    hash ^= bits;
    hash *= 1099511628211ULL;
  }
};

simdjson::error_code walk(od::value value, Checksum& sum);

simdjson::error_code walk_object(od::object object, Checksum& sum) {
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    sum.add(key);
    if (auto error = walk(field.value(), sum)) return error;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code walk_array(od::array array, Checksum& sum) {
  for (auto element : array) {
    od::value value;
    if (auto error = element.get(value)) return error;
    if (auto error = walk(value, sum)) return error;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code walk(od::value value, Checksum& sum) {
  ++sum.values;
  od::json_type type;
  if (auto error = value.type().get(type)) return error;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (auto error = value.get_object().get(object)) return error;
      return walk_object(object, sum);
    }
    case od::json_type::array: {
      od::array array;
      if (auto error = value.get_array().get(array)) return error;
      return walk_array(array, sum);
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return error;
      sum.add(text);
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      od::number number;
      if (auto error = value.get_number().get(number)) return error;
      uint64_t bits = 0;
      if (number.is_double()) {
        const double d = number.get_double();
        std::memcpy(&bits, &d, sizeof bits);
      } else if (number.is_int64()) {
        bits = static_cast<uint64_t>(number.get_int64());
      } else {
        bits = number.get_uint64();
      }
      sum.add(bits);
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool flag = false;
      if (auto error = value.get_bool().get(flag)) return error;
      sum.add(flag ? 1U : 2U);
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      if (!value.is_null()) return simdjson::INCORRECT_TYPE;
      sum.add(3U);
      return simdjson::SUCCESS;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

// The document's root may be a scalar; On-Demand treats root scalars separately.
simdjson::error_code walk_document(od::document& document, Checksum& sum) {
  od::json_type type;
  if (auto error = document.type().get(type)) return error;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (auto error = document.get_object().get(object)) return error;
      if (auto error = walk_object(object, sum)) return error;
      break;
    }
    case od::json_type::array: {
      od::array array;
      if (auto error = document.get_array().get(array)) return error;
      if (auto error = walk_array(array, sum)) return error;
      break;
    }
    default: {
      std::string_view raw;
      if (auto error = document.raw_json_token().get(raw)) return error;
      sum.add(raw);
      break;
    }
  }
  ++sum.values;
  return simdjson::SUCCESS;
}

int fail(const char* path, const char* what) {
  std::fprintf(stderr, "ondemand_walk: %s: %s\n", path, what);
  return 2;
}

// Copies made when a file could not be mapped with padding; kept alive like the mappings.
std::vector<simdjson::padded_string> copies;

// Maps and walks one file; the mapping stays until exit, as the linter's inputs do.
int walk_file(const char* path, od::parser& parser, Checksum& sum, size_t& bytes) {
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(path, std::strerror(errno));
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    close(fd);
    return fail(path, "not a regular file");
  }
  const auto size = static_cast<size_t>(info.st_size);
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t tail = size % page;

  // A private mapping reads zeros past the end of the file up to the end of its last page:
  // when that is at least SIMDJSON_PADDING bytes, the mapping itself is a padded buffer.
  const char* data = nullptr;
  size_t capacity = 0;
  void* mapped = MAP_FAILED;
  simdjson::padded_string copy;
  if (size > 0 && tail != 0 && page - tail >= simdjson::SIMDJSON_PADDING) {
    mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  if (mapped != MAP_FAILED) {
    data = static_cast<const char*>(mapped);
    capacity = size + (page - tail);
  } else {
    copy = simdjson::padded_string(size);  // zero-filled padding after `size` bytes
    if (copy.data() == nullptr) {
      close(fd);
      return fail(path, "out of memory");
    }
    size_t done = 0;
    while (done < size) {
      const ssize_t got = read(fd, copy.data() + done, size - done);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        close(fd);
        return fail(path, got < 0 ? std::strerror(errno) : "file shrank");
      }
      done += static_cast<size_t>(got);
    }
    data = copy.data();
    capacity = size + simdjson::SIMDJSON_PADDING;
  }
  close(fd);

  od::document document;
  simdjson::error_code error =
      parser.iterate(simdjson::padded_string_view(data, size, capacity)).get(document);
  if (!error) error = walk_document(document, sum);
  if (error) return fail(path, simdjson::error_message(error));
  bytes += size;
  if (mapped == MAP_FAILED) copies.push_back(std::move(copy));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ondemand_walk FILE...\n");
    return 2;
  }
  od::parser parser;
  Checksum sum;
  size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    if (const int status = walk_file(argv[i], parser, sum, bytes)) return status;
  }
  std::printf("%d files, %zu bytes, %llu values, checksum %016llx\n", argc - 1, bytes,
              static_cast<unsigned long long>(sum.values),
              static_cast<unsigned long long>(sum.hash));
  return 0;
}
