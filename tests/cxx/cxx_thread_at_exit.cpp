// What happens at a thread's end on the threads flavour: the thread's
// thread_local objects are destroyed first (newest first, including one
// constructed by another's destructor), and only then are the results a
// thread left "at thread exit" published: promise::set_value_at_thread_exit
// and std::notify_all_at_thread_exit ([futures.promise], [thread.condition]:
// "after all objects of thread storage duration associated with the current
// thread have been destroyed"). libc++ publishes those from a pthread key
// destructor, so the libc must run the thread_local destructors before the
// key destructors. Then 200 threads in turn with thread_local destructors,
// and the main thread's thread_local objects, destroyed at exit before the
// static ones.
// Expected output: native build (gen.sh).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <thread>

static std::atomic<int> destroyed{0};

struct Slow {
  const char *name;
  explicit Slow(const char *n) : name(n) {}
  ~Slow() {
    // Long enough for a waiter released too early to be seen.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    destroyed++;
  }
};

struct Late {
  ~Late() { destroyed += 100; }
};

struct First {
  ~First() {
    // A thread_local first used by a destructor: destroyed too.
    thread_local Late late;
    (void)late;
    destroyed += 10;
  }
};

struct Static {
  ~Static() { std::printf("destroy static (destroyed %d)\n", destroyed.load()); }
};
static Static static_object;

struct MainTls {
  ~MainTls() { std::printf("destroy main thread_local\n"); }
};

int main() {
  std::promise<int> p;
  std::future<int> f = p.get_future();
  std::thread t([&p] {
    thread_local Slow s("promise");
    (void)s;
    p.set_value_at_thread_exit(7);
  });
  int v = f.get();
  std::printf("set_value_at_thread_exit: %d, thread_local destroyed before: %d\n", v, destroyed.load());
  t.join();

  destroyed = 0;
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread n([&] {
    thread_local Slow s("notify");
    (void)s;
    std::unique_lock<std::mutex> lk(m);
    done = true;
    std::notify_all_at_thread_exit(cv, std::move(lk));
  });
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&] { return done; });
    // notify_all_at_thread_exit keeps the mutex locked until the thread's
    // end: holding it again means the thread_local is gone.
    std::printf("notify_all_at_thread_exit: thread_local destroyed before: %d\n", destroyed.load());
  }
  n.detach();

  destroyed = 0;
  std::thread c([] {
    thread_local First first;
    (void)first;
  });
  c.join();
  std::printf("destructor-constructed thread_local: %d\n", destroyed.load());

  destroyed = 0;
  for (int i = 0; i < 200; i++) {
    std::thread([] {
      thread_local Late a;
      thread_local First b;
      (void)a;
      (void)b;
    }).join();
  }
  std::printf("200 threads: %d\n", destroyed.load());

  thread_local MainTls main_tls;
  (void)main_tls;
  std::printf("main returns\n");
  return 0;
}
