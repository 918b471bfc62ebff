/* The project's, included by a header of Python's. */
int xid_newobjectfunc;
