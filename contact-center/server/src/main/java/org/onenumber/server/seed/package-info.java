/**
 * The demo city: on first start with an empty database, {@link DemoCitySeeder} loads departments,
 * queues, operators and staff accounts from the YAML files in {@code resources/seed}, so the
 * first run shows a working center. With {@code onenumber.seed.profile=city} the same city gets
 * {@code onenumber.seed.city-operators} operators ({@link CityOperators}) for whole-day replays.
 */
package org.onenumber.server.seed;
