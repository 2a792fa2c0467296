// The ports a file system's clients need, per AWS's security-group tables (AWS-FACTS §2).
#pragma once

#include <string>
#include <vector>

#include "linter/model/model.h"

namespace reachlint::analysis {

enum class NfsProfile { V3, V4 };  // v3: AWS's full table; v4: NFSv4.x over TCP 2049 only

struct PortNeed {
  int protocol;  // model::kTcp or model::kUdp
  model::PortRange ports;
  bool essential;  // without it there is no NFS at all (TCP 2049)
};

// Empty when the file system type is not checked (Windows, Lustre).
std::vector<PortNeed> required_ports(model::FileSystemType type, NfsProfile profile);

// The source ports of a Linux NFS client: it binds a reserved port (sunrpc min_resvport 665 to
// max_resvport 1023) by default, so replies must reach those ports.
inline constexpr model::PortRange kClientReplyPorts{665, 1023};

std::string protocol_name(int protocol);
std::string describe_ports(const std::vector<PortNeed>& needs);

}  // namespace reachlint::analysis
