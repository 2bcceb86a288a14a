package org.onenumber.server.seed;

/**
 * Published once {@link DemoCitySeeder} has filled an empty directory, so that checks made at start
 * against the directory (the routing partitions' operator check) run again on what was seeded.
 */
public record DirectorySeeded() {}
