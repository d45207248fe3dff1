/* report_cli.h - the command `meetlat report`: its command line, the walk and the output. */
#ifndef MEETLAT_REPORT_CLI_H
#define MEETLAT_REPORT_CLI_H

/* Runs `meetlat report` with ARGC arguments ARGV (ARGV[0] is "report"); returns the exit
 * status: 0 every file read, 1 some file skipped (each named on stderr) or the report could
 * not be written, 2 wrong usage or no session found. */
int report_main(int argc, char **argv);

#endif
