// std::future on the threads flavour: std::async (async and deferred
// policies), std::promise/std::future across threads, std::shared_future
// seen by several threads, std::packaged_task, wait_for states, promise
// values set at thread exit. Built with default flags (no exception
// handling: the error paths that throw are not exercised).
// Expected output: native build (gen.sh).
#include <chrono>
#include <future>
#include <iostream>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

static long long sum_range(long long lo, long long hi) {
  long long s = 0;
  for (long long i = lo; i < hi; i++) s += i;
  return s;
}

int main() {
  std::vector<std::future<long long>> fs;
  for (int i = 0; i < 4; i++) fs.push_back(std::async(std::launch::async, sum_range, i * 250000LL, (i + 1) * 250000LL));
  long long total = 0;
  for (auto &f : fs) total += f.get();
  std::cout << "async total: " << total << "\n";

  std::thread::id main_id = std::this_thread::get_id();
  auto on_other = std::async(std::launch::async, [&] { return std::this_thread::get_id() != main_id; });
  auto deferred = std::async(std::launch::deferred, [&] { return std::this_thread::get_id() == main_id; });
  std::cout << "deferred status before get: "
            << (deferred.wait_for(std::chrono::seconds(0)) == std::future_status::deferred ? "deferred" : "other") << "\n";
  std::cout << "async ran on another thread: " << on_other.get() << ", deferred ran on main: " << deferred.get() << "\n";

  std::promise<std::string> p;
  std::future<std::string> pf = p.get_future();
  std::thread producer([&p] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    p.set_value("from the producer");
  });
  std::cout << "before set_value: "
            << (pf.wait_for(std::chrono::milliseconds(1)) == std::future_status::timeout ? "timeout" : "ready") << "\n";
  std::cout << "promise value: " << pf.get() << "\n";
  producer.join();

  std::promise<void> go;
  std::shared_future<void> sf = go.get_future().share();
  std::vector<std::future<int>> waiters;
  for (int i = 0; i < 4; i++)
    waiters.push_back(std::async(std::launch::async, [sf, i] {
      sf.wait();
      return i * i;
    }));
  go.set_value();
  int sq = 0;
  for (auto &w : waiters) sq += w.get();
  std::cout << "shared_future released " << waiters.size() << " waiters, sum of squares " << sq << "\n";

  std::packaged_task<int(int, int)> task([](int a, int b) { return a * b; });
  std::future<int> tf = task.get_future();
  std::thread tt(std::move(task), 6, 7);
  std::cout << "packaged_task: " << tf.get() << "\n";
  tt.join();

  std::promise<int> pe;
  std::future<int> fe = pe.get_future();
  std::thread exiter([&pe] { pe.set_value_at_thread_exit(123); });
  std::cout << "set_value_at_thread_exit: " << fe.get() << "\n";
  exiter.join();

  std::promise<int> moved;
  auto mf = moved.get_future();
  std::thread mt([pr = std::move(moved)]() mutable { pr.set_value(5); });
  mt.join();
  std::cout << "valid before get: " << mf.valid() << ", value " << mf.get() << ", valid after: " << mf.valid() << "\n";
  return 0;
}
