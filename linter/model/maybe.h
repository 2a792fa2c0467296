// A value that is absent, known, or known only at deploy time (with the reason and where).
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "linter/core/source.h"

namespace reachlint::model {

template <typename T>
class Maybe {
 public:
  enum class State : uint8_t { Absent, Known, Unknown };

  Maybe() = default;
  Maybe(T value) : state_(State::Known), value_(std::move(value)) {}  // NOLINT: implicit by design

  static Maybe unknown(Location where, std::string why) {
    Maybe m;
    m.state_ = State::Unknown;
    m.unknown_ = std::make_shared<const Unknown>(Unknown{where, std::move(why)});
    return m;
  }

  bool known() const { return state_ == State::Known; }
  bool is_unknown() const { return state_ == State::Unknown; }
  bool absent() const { return state_ == State::Absent; }
  const T& operator*() const { return value_; }
  const T* operator->() const { return &value_; }
  const T& value() const { return value_; }
  const std::string& why() const { return unknown_ ? unknown_->why : kNoReason; }
  Location where() const { return unknown_ ? unknown_->where : Location{}; }

 private:
  // Out of line: unknowns are rare, and the model holds hundreds of thousands of Maybes.
  struct Unknown {
    Location where;
    std::string why;
  };
  inline static const std::string kNoReason;

  State state_ = State::Absent;
  T value_{};
  std::shared_ptr<const Unknown> unknown_;
};

}  // namespace reachlint::model
