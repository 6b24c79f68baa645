// Does not compile: the runner reports the file as failed.
int broken(void) { return undeclared_name; }
