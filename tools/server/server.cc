#include "tools/server/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "tools/server/archive.h"
#include "tools/server/beast_glue.h"

namespace vankien::server {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)), acceptor(ioc), grace_timer(ioc), retry_timer(ioc) {}

  // Declared before the io_context: sessions still queued when it is destroyed touch them.
  ServerOptions options;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> connections{0};
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::steady_timer grace_timer;
  net::steady_timer retry_timer;
  std::optional<net::signal_set> signals;
  std::thread io_thread;

  // The worker pool: requests are answered in the order they arrived, each by a worker with
  // its own Archive (its own Searcher). Sockets stay on the I/O thread, which never waits for
  // a search, so a burst of slow searches cannot make some connections wait much longer than
  // others. Declared after the io_context: queued jobs hold sessions, whose sockets need it.
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::function<void(Archive*)>> jobs;
  bool workers_stop = false;
  std::vector<std::thread> workers;

  // Queues `job`; false when the queue is full (the caller answers 503).
  bool Submit(std::function<void(Archive*)> job) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (jobs.size() >= options.max_connections) return false;
      jobs.push_back(std::move(job));
    }
    cv.notify_one();
    return true;
  }
  void WorkerLoop() {
    Archive archive(options.db, options.archive_check_every, options.open);
    for (;;) {
      std::function<void(Archive*)> job;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [this] { return workers_stop || !jobs.empty(); });
        if (jobs.empty()) return;
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      job(&archive);
    }
  }
  std::chrono::steady_clock::time_point stop_time;
  unsigned short port = 0;
  std::size_t connection_cap = 0;  // max_connections, kept below the descriptor limit

  // Connections waiting for a request, oldest first (by when they began waiting), each with
  // what closes it; and open connections per client address. Sessions end on any thread
  // (a worker may drop the last reference), hence the lock.
  std::mutex conn_mu;
  struct Waiting {
    std::string client;
    std::function<void()> evict;
  };
  std::map<std::uint64_t, Waiting> waiting;
  std::uint64_t next_wait = 1;
  std::unordered_map<std::string, std::size_t> per_client;

  std::uint64_t AddWaiting(const std::string& client, std::function<void()> evict) {
    std::lock_guard<std::mutex> lock(conn_mu);
    const std::uint64_t id = next_wait++;
    waiting.emplace(id, Waiting{client, std::move(evict)});
    return id;
  }
  void RemoveWaiting(std::uint64_t id) {
    if (id == 0) return;
    std::lock_guard<std::mutex> lock(conn_mu);
    waiting.erase(id);
  }
  // Closes the connection (of `client`, when given) that has waited longest for a request;
  // false when none waits.
  bool EvictOldestWaiting(const std::string* client) {
    std::function<void()> evict;
    {
      std::lock_guard<std::mutex> lock(conn_mu);
      auto it = waiting.begin();
      while (it != waiting.end() && client != nullptr && it->second.client != *client) ++it;
      if (it == waiting.end()) return false;
      evict = std::move(it->second.evict);
      waiting.erase(it);
    }
    evict();
    return true;
  }
  // Counts a connection of `address`; when it has max_connections_per_client already, its own
  // longest-waiting connection makes room, and without one the new connection is refused.
  bool AddClient(const std::string& address) {
    std::size_t have = 0;
    {
      std::lock_guard<std::mutex> lock(conn_mu);
      auto it = per_client.find(address);
      have = it == per_client.end() ? 0 : it->second;
    }
    if (options.max_connections_per_client != 0 && have >= options.max_connections_per_client &&
        !EvictOldestWaiting(&address)) {
      return false;
    }
    std::lock_guard<std::mutex> lock(conn_mu);
    ++per_client[address];
    return true;
  }
  void RemoveClient(const std::string& address) {
    std::lock_guard<std::mutex> lock(conn_mu);
    auto it = per_client.find(address);
    if (it != per_client.end() && --it->second == 0) per_client.erase(it);
  }

  void Accept();
  void BeginStop();
  void WaitForSessions();
};

namespace {

bool IsParseError(const boost::system::error_code& ec) {
  return &ec.category() == &http::make_error_code(http::error::bad_target).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `client` (its address) was counted by AddClient; the session gives it back.
  Session(tcp::socket&& socket, Server::Impl& server, std::string client)
      : stream_(std::move(socket)), server_(server), client_(std::move(client)) {
    ++server_.connections;
  }
  ~Session() {
    server_.RemoveWaiting(wait_id_);
    server_.RemoveClient(client_);
    --server_.connections;
  }

  void Run() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::Read, shared_from_this()));
  }

 private:
  void Read() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    parser_->body_limit(server_.options.max_body_bytes);
    // The whole request must arrive within the timeout (a slow sender cannot hold a thread:
    // reads are asynchronous, and the deadline closes the connection).
    stream_.expires_after(first_ ? server_.options.read_timeout : server_.options.idle_timeout);
    first_ = false;
    // Waiting for a request: the first to go when the server is full.
    std::weak_ptr<Session> weak = shared_from_this();
    wait_id_ = server_.AddWaiting(client_, [weak] {
      if (auto self = weak.lock()) {
        net::post(self->stream_.get_executor(), [self] { self->Close(); });
      }
    });
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    server_.RemoveWaiting(wait_id_);
    wait_id_ = 0;
    if (ec) {
      if (IsParseError(ec)) {
        const int status = StatusForParseError(ec);
        return Write(ToBeast(ErrorResponse(status, status == 431   ? "request headers too large"
                                                   : status == 413 ? "request body too large"
                                                                   : "malformed HTTP request"),
                             11, /*keep_alive=*/false, /*head=*/false),
                     false);
      }
      return Close();  // end of stream, timeout, reset, shutdown
    }
    BeastRequest req = parser_->release();
    const unsigned version = req.version();
    const bool wants_keep_alive = req.keep_alive();
    const bool head = req.method() == http::verb::head;
    auto self = shared_from_this();
    const bool queued = server_.Submit([self, request = FromBeast(req), version, wants_keep_alive,
                                        head](Archive* archive) {
      HttpResponse response = Handle(request, archive, self->server_.options.handler);
      // Back to the connection's strand for the write.
      net::post(self->stream_.get_executor(), [self, response = std::move(response), version,
                                               wants_keep_alive, head]() mutable {
        const bool keep_alive = wants_keep_alive && !self->server_.stopping;
        self->Write(ToBeast(std::move(response), version, keep_alive, head), keep_alive);
      });
    });
    if (!queued) {
      Write(ToBeast(ErrorResponse(503, "the server is busy; try again"), version, false, head), false);
    }
  }

  void Write(BeastResponse res, bool keep_alive) {
    keep_alive_ = keep_alive;
    res_ = std::move(res);
    stream_.expires_after(server_.options.write_timeout);
    http::async_write(stream_, res_, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec || !keep_alive_) return Close();
    res_ = {};
    Read();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  BeastResponse res_;
  Server::Impl& server_;
  bool first_ = true;
  bool keep_alive_ = false;
  std::string client_;
  std::uint64_t wait_id_ = 0;  // in Impl::waiting while waiting for a request
};

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping) return;
    if (ec) {
      // Out of descriptors and the like: try again shortly rather than spin.
      retry_timer.expires_after(std::chrono::milliseconds(50));
      retry_timer.async_wait([this](beast::error_code) {
        if (!stopping) Accept();
      });
      return;
    }
    beast::error_code peer_ec;
    const tcp::endpoint peer = socket.remote_endpoint(peer_ec);
    std::string client = peer_ec ? std::string() : peer.address().to_string();
    // Full: make room by closing the connection idle (or slow) the longest; with none waiting
    // (every connection has a request in flight) the new one is refused.
    const bool room = connections < connection_cap || EvictOldestWaiting(nullptr);
    if (!room || !AddClient(client)) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      std::make_shared<Session>(std::move(socket), *this, std::move(client))->Run();
    }
    Accept();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  net::post(ioc, [this] {
    beast::error_code ignored;
    acceptor.close(ignored);
    retry_timer.cancel();
    if (signals) signals->cancel(ignored);
    stop_time = std::chrono::steady_clock::now();
    WaitForSessions();
  });
}

// Sessions finish the request they are answering (and close instead of keeping the connection
// alive); idle keep-alive connections are cut when the grace period ends.
void Server::Impl::WaitForSessions() {
  if (connections == 0 || std::chrono::steady_clock::now() - stop_time >= options.shutdown_grace) {
    ioc.stop();
    return;
  }
  grace_timer.expires_after(std::chrono::milliseconds(20));
  grace_timer.async_wait([this](beast::error_code) { WaitForSessions(); });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
  Wait();
}

Result<std::unique_ptr<Server>> Server::Start(ServerOptions options) {
  beast::error_code ec;
  const auto address = net::ip::make_address(options.bind, ec);
  if (ec) {
    return Status::InvalidArgument("--bind " + options.bind + " is not an IP address (use e.g. 127.0.0.1 or ::1)");
  }
  if (options.handler.allowed_hosts.empty() && address.is_loopback()) {
    options.handler.allowed_hosts = LoopbackHosts();
  }
  auto impl = std::make_unique<Impl>(std::move(options));
  // Stopping abandons searches still running, so that shutdown does not wait for them.
  impl->options.handler.cancel = &impl->stopping;
  impl->connection_cap = impl->options.max_connections;
  if (rlimit fds{}; getrlimit(RLIMIT_NOFILE, &fds) == 0 && fds.rlim_cur != RLIM_INFINITY) {
    const std::size_t usable = fds.rlim_cur > ServerOptions::kReservedDescriptors * 2
                                   ? fds.rlim_cur - ServerOptions::kReservedDescriptors
                                   : fds.rlim_cur / 2;
    impl->connection_cap = std::min(impl->connection_cap, usable);
  }
  if (impl->connection_cap == 0) impl->connection_cap = 1;
  const tcp::endpoint endpoint(address, impl->options.port);
  const std::string where = impl->options.bind + ":" + std::to_string(impl->options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Status::IoError("cannot listen on " + where + ": " + ec.message());
  impl->port = impl->acceptor.local_endpoint().port();

  Impl* raw = impl.get();
  if (raw->options.handle_signals) {
    raw->signals.emplace(raw->ioc, SIGINT, SIGTERM);
    raw->signals->async_wait([raw](beast::error_code e, int) {
      if (!e) raw->BeginStop();
    });
  }
  raw->Accept();
  unsigned n = raw->options.threads != 0 ? raw->options.threads : std::thread::hardware_concurrency();
  if (n == 0) n = 2;
  for (unsigned i = 0; i < n; ++i) raw->workers.emplace_back([raw] { raw->WorkerLoop(); });
  raw->io_thread = std::thread([raw] {
    for (;;) {
      try {
        raw->ioc.run();
        break;
      } catch (const std::exception& e) {
        std::cerr << "vankien serve: unexpected exception in a handler: " << e.what() << "\n";
      }
    }
  });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const { return impl_->port; }

void Server::Stop() { impl_->BeginStop(); }

void Server::Wait() {
  if (impl_->io_thread.joinable()) impl_->io_thread.join();
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->workers_stop = true;
  }
  impl_->cv.notify_all();
  for (auto& t : impl_->workers) {
    if (t.joinable()) t.join();
  }
}

}  // namespace vankien::server
