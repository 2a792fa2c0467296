#include "linter/analysis/protocols.h"

#include <map>

#include <fmt/format.h>

namespace reachlint::analysis {

namespace {

std::vector<PortNeed> tcp_and_udp(std::initializer_list<model::PortRange> ranges) {
  std::vector<PortNeed> needs;
  for (const int protocol : {model::kTcp, model::kUdp}) {
    for (const model::PortRange& range : ranges) {
      needs.push_back({protocol, range, protocol == model::kTcp && range.contains(2049)});
    }
  }
  return needs;
}

}  // namespace

std::vector<PortNeed> required_ports(model::FileSystemType type, NfsProfile profile) {
  const bool openzfs = type == model::FileSystemType::OpenZfs;
  if (!openzfs && type != model::FileSystemType::Ontap) return {};
  if (profile == NfsProfile::V4) return {{model::kTcp, {2049, 2049}, true}};
  if (openzfs) return tcp_and_udp({{111, 111}, {2049, 2049}, {20001, 20003}});
  std::vector<PortNeed> needs = tcp_and_udp({{111, 111}, {635, 635}, {2049, 2049}, {4045, 4046}});
  needs.push_back({model::kUdp, {4049, 4049}, false});
  return needs;
}

std::string protocol_name(int protocol) {
  switch (protocol) {
    case model::kTcp:
      return "TCP";
    case model::kUdp:
      return "UDP";
    case model::kIcmp:
      return "ICMP";
    case model::kAllProtocols:
      return "all traffic";
    default:
      return fmt::format("protocol {}", protocol);
  }
}

// "TCP 111, 2049; UDP 111, 2049, 20001-20003"
std::string describe_ports(const std::vector<PortNeed>& needs) {
  std::map<int, std::string> by_protocol;
  for (const PortNeed& need : needs) {
    std::string& text = by_protocol[need.protocol];
    if (!text.empty()) text += ", ";
    text += need.ports.from == need.ports.to ? fmt::format("{}", need.ports.from)
                                             : fmt::format("{}-{}", need.ports.from, need.ports.to);
  }
  std::string out;
  for (const auto& [protocol, ports] : by_protocol) {
    if (!out.empty()) out += "; ";
    out += protocol_name(protocol) + " " + ports;
  }
  return out;
}

}  // namespace reachlint::analysis
