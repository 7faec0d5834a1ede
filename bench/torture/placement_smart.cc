// Placement new, aligned and class-specific operator new/delete, smart pointers
// (unique_ptr with deleters, shared_ptr, weak_ptr), containers, move semantics.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <variant>
#include <vector>

struct alignas (64) big { double d[8]; };

struct counted
{
  static void *operator new (std::size_t n) { return std::malloc (n); }
  static void operator delete (void *p) { std::free (p); }
  static void *operator new[] (std::size_t n) { return std::malloc (n); }
  static void operator delete[] (void *p) { std::free (p); }
  int v = 0;
};

struct file_closer { void operator() (std::FILE *f) const { if (f) std::fclose (f); } };

int
placement (int n)
{
  alignas (int) unsigned char storage[sizeof (int) * 4];
  int *pi = new (storage) int (n);
  void *raw = std::malloc (sizeof (std::string));
  auto *s = new (raw) std::string ("abc");
  int r = *pi + (int) s->size ();
  s->~basic_string ();
  std::free (raw);
  big *b = new big;		// aligned new
  b->d[0] = n;
  delete b;
  counted *c = new counted;
  counted *ca = new counted[3];
  delete c;
  delete[] ca;
  return r;
}

int
smart (int n)
{
  auto u = std::make_unique<int> (n);
  std::unique_ptr<char, void (*) (void *)> m (static_cast<char *> (std::malloc (4)), std::free);
  std::unique_ptr<std::FILE, file_closer> f (std::fopen ("/dev/null", "r"));
  auto sp = std::make_shared<std::vector<int>> (n, 1);
  std::weak_ptr<std::vector<int>> w = sp;
  std::shared_ptr<int> arr (new int[4], std::default_delete<int[]> ());
  auto moved = std::move (u);
  std::map<std::string, std::unique_ptr<int>> owners;
  owners["a"] = std::make_unique<int> (1);
  owners.erase ("a");
  std::optional<std::string> o = std::string (n, 'x');
  std::variant<int, std::string> var = std::string ("v");
  var = 3;
  int *released = moved.release ();
  int r = *released + (int) sp->size () + (w.lock () ? 1 : 0) + (int) o->size ();
  delete released;
  return r + std::get<int> (var);
}
