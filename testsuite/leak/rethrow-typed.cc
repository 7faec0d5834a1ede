// leak in C++ along the path a rethrow takes (issue 16, exceptions): `throw;`
// in a handler for E rethrows what that handler caught, an E or an object of
// a class derived from E, so an enclosing handler of the same function for E
// or a base of E surely takes it, one for a class derived from E may, and one
// for an unrelated type never does (the exception then leaves the function,
// which is judged as a return).  A rethrow in `catch (...)` may be anything.
// plugin/gcc/lower-eh.cc (rethrown_type).
// { dg-do compile }

struct Fault { int code; };
struct DiskFault : Fault { int sector; };
struct Other { int o; };

void may_throw ();
void log_failure ();

// Silent: the rethrown Fault reaches the outer handler, which deletes p.
int caught_again ()
{
  int *p = new int (1);
  try {
    try {
      throw Fault ();
    } catch (const Fault &) {
      log_failure ();
      throw;
    }
  } catch (const Fault &) {
    delete p;
    return -1;
  }
  delete p;
  return 0;
} // { dg-bogus "leak" }

// The outer handler takes only Other: the rethrown Fault leaves holding p.
int handler_of_other ()
{
  int *p = new int (1); // { dg-message "allocated here" }
  try {
    try {
      throw Fault ();
    } catch (const Fault &) {
      log_failure ();
      throw;
    }
  } catch (const Other &) {
    delete p;
    return -1;
  }
  delete p;
  return 0;
} // { dg-warning "leak of 'p'" }

// Silent: `throw;` in a try inside the handler, whose handler for Fault
// deletes p.
int rethrown_inside_handler ()
{
  int *p = new int (1);
  try {
    may_throw ();
  } catch (const Fault &) {
    try {
      throw;
    } catch (const Fault &) {
      delete p;
      return -1;
    }
  }
  delete p;
  return 0;
} // { dg-bogus "leak" }

// The inner handler takes only Other: the Fault leaves holding p.
int inside_handler_of_other ()
{
  int *p = new int (1); // { dg-message "allocated here" }
  try {
    may_throw ();
  } catch (const Fault &) {
    try {
      throw;
    } catch (const Other &) {
      delete p;
      return -1;
    }
  }
  delete p;
  return 0;
} // { dg-warning "leak of 'p'" }

// Silent: a nested handler that ended before the rethrow does not change
// what is rethrown (still the Fault), and the outer handler takes it.
int nested_handler_ended ()
{
  int *p = new int (1);
  try {
    try {
      throw Fault ();
    } catch (const Fault &) {
      try {
	throw Other ();
      } catch (const Other &) {
	log_failure ();
      }
      throw;
    }
  } catch (const Fault &) {
    delete p;
    return -1;
  }
  delete p;
  return 0;
} // { dg-bogus "leak" }

// A DiskFault caught as a Fault and rethrown may reach the handler for
// DiskFault, which forgets p; the handler for Fault after it takes the rest.
int derived_handler_forgets ()
{
  int *p = new int (1); // { dg-message "allocated here" }
  try {
    try {
      may_throw ();
    } catch (const Fault &) {
      log_failure ();
      throw;
    }
  } catch (const DiskFault &) {
    return -1; // { dg-warning "leak of 'p'" }
  } catch (const Fault &) {
    delete p;
    return -2;
  }
  delete p;
  return 0;
}

// Silent: both handlers delete p, and one of them surely takes the Fault.
int derived_and_base_handlers ()
{
  int *p = new int (1);
  try {
    try {
      may_throw ();
    } catch (const Fault &) {
      throw;
    }
  } catch (const DiskFault &) {
    delete p;
    return -1;
  } catch (const Fault &) {
    delete p;
    return -2;
  }
  delete p;
  return 0;
} // { dg-bogus "leak" }

// Silent: a rethrown int reaches the handler for int.
int scalar_handler ()
{
  int *p = new int (1);
  try {
    try {
      may_throw ();
    } catch (int) {
      throw;
    }
  } catch (int) {
    delete p;
    return -1;
  }
  delete p;
  return 0;
} // { dg-bogus "leak" }

// What `catch (...)` rethrows may be anything: past the handler for Fault, it
// leaves holding p.
int anything_rethrown ()
{
  int *p = new int (1); // { dg-message "allocated here" }
  try {
    try {
      may_throw ();
    } catch (...) {
      throw;
    }
  } catch (const Fault &) {
    delete p;
    return -1;
  }
  delete p;
  return 0;
} // { dg-warning "leak of 'p'" }
