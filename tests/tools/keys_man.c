/* keys_man.c - prints the key section of meetlat(1) generated from the table of bindings. */
#include <stdio.h>

#include "actions.h"

int main(void)
{
	bindings_write_man(stdout);
	return fflush(stdout) == 0 ? 0 : 1;
}
