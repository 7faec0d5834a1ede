// C++: an object deleted on an error path and again at the end (CERT MEM51-CPP).
struct session { int fd; ~session (); };
bool handshake (session *);

int serve ()
{
  session *s = new session;
  if (!handshake (s))
    delete s;
  // ...
  delete s;
  return 0;
}
