/** A megabyte, as the command line states file sizes and their limits (1,048,576 bytes). */
export const MB = 1024 * 1024;
