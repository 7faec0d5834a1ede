
;; Function test_7 (_Z6test_7b, funcdef_no=89, decl_uid=7336, cgraph_uid=61, symbol_order=70)

void test_7 (bool bad)
{
  int * D.7840;
  int * p;
  struct Err D.7363;

  D.7840 = operator new [] (16);
  p = D.7840;
  if (bad != 0) goto <D.7835>; else goto <D.7836>;
  <D.7835>:
  D.7363.code = 0;
  std::throw_with_nested<Err> (&D.7363);
  <D.7836>:
  if (p != 0B) goto <D.7837>; else goto <D.7838>;
  <D.7837>:
  operator delete [] (p);
  goto <D.7839>;
  <D.7838>:
  <D.7839>:
  return;
  <D.7841>:
  D.7363 = {CLOBBER(eol)};
  resx 1
}



;; Function std::throw_with_nested<Err> (_ZSt17throw_with_nestedI3ErrEvOT_, funcdef_no=90, decl_uid=7373, cgraph_uid=64, symbol_order=73)

__attribute__((noreturn))
void std::throw_with_nested<Err> (struct Err & __t)
{
  struct integral_constant D.7843;
  struct __nest D.7691;

  _1 = &D.7691;
  _2 = std::forward<Err> (__t);
  std::__throw_with_nested_impl<Err> (_2, D.7843);
  <D.7844>:
  D.7691 = {CLOBBER(eol)};
  resx 1
}



;; Function std::forward<Err> (_ZSt7forwardI3ErrEOT_RNSt16remove_referenceIS1_E4typeE, funcdef_no=93, decl_uid=7583, cgraph_uid=65, symbol_order=74)

__attribute__((nodiscard))
struct Err & std::forward<Err> (struct type & __t)
{
  struct Err & D.7845;

  D.7845 = __t;
  goto <D.7846>;
  <D.7846>:
  return D.7845;
}



;; Function std::__throw_with_nested_impl<Err> (_ZSt24__throw_with_nested_implI3ErrEvOT_St17integral_constantIbLb1EE, funcdef_no=94, decl_uid=7734, cgraph_uid=70, symbol_order=79)

__attribute__((noreturn))
void std::__throw_with_nested_impl<Err> (struct Err & __t, struct true_type D.7743)
{
  void * D.7823;

  D.7823 = __cxa_allocate_exception (24);
  _1 = D.7823;
  _2 = std::forward<Err> (__t);
  std::_Nested_exception<Err>::_Nested_exception (_1, _2);
  __cxa_throw (D.7823, &_ZTISt17_Nested_exceptionI3ErrE, __dt_comp );
}



;; Function std::_Nested_exception<Err>::~_Nested_exception (_ZNSt17_Nested_exceptionI3ErrED2Ev, funcdef_no=96, decl_uid=7763, cgraph_uid=67, symbol_order=76)

void std::_Nested_exception<Err>::~_Nested_exception (struct _Nested_exception * const this)
{
  _1 = &_ZTVSt17_Nested_exceptionI3ErrE + 16;
  this->D.7778._vptr.nested_exception = _1;
  _2 = &this->D.7778;
  std::nested_exception::~nested_exception (_2);
  MEM[(struct __as_base  &)this] = {CLOBBER};
  <D.7816>:
  return;
}



;; Function std::_Nested_exception<Err>::~_Nested_exception (_ZNSt17_Nested_exceptionI3ErrED0Ev, funcdef_no=98, decl_uid=7757, cgraph_uid=69, symbol_order=78)

void std::_Nested_exception<Err>::~_Nested_exception (struct _Nested_exception * const this)
{
  std::_Nested_exception<Err>::~_Nested_exception (this);
  operator delete (this, 24);
  return;
}



;; Function std::_Nested_exception<Err>::_Nested_exception (_ZNSt17_Nested_exceptionI3ErrEC2EOS0_, funcdef_no=100, decl_uid=7769, cgraph_uid=72, symbol_order=81)

void std::_Nested_exception<Err>::_Nested_exception (struct _Nested_exception * const this, struct Err & __ex)
{
  MEM[(struct __as_base  &)this] = {CLOBBER};
  this->D.7779 = *__ex;
  _1 = &this->D.7778;
  std::nested_exception::nested_exception (_1);
  _2 = &_ZTVSt17_Nested_exceptionI3ErrE + 16;
  this->D.7778._vptr.nested_exception = _2;
  return;
}



;; Function std::nested_exception::nested_exception (_ZNSt16nested_exceptionC2Ev, funcdef_no=77, decl_uid=7230, cgraph_uid=56, symbol_order=65)

void std::nested_exception::nested_exception (struct nested_exception * const this)
{
  *this = {CLOBBER};
  _1 = &_ZTVSt16nested_exception + 16;
  this->_vptr.nested_exception = _1;
  this->_M_ptr = std::current_exception (); [return slot optimization]
  return;
}


