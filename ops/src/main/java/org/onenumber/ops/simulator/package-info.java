/**
 * The city-day simulator: replays an arrival trace against a running OneNumber server over its
 * public HTTP API only, the way real channels and operators would.
 *
 * <p>A trace is a list of {@link org.onenumber.ops.simulator.Arrival}s: the real NYC 311 night in
 * {@code shared/data/nyc311} ({@link org.onenumber.ops.simulator.Nyc311Trace}) or a Poisson city
 * day ({@link org.onenumber.ops.simulator.PoissonCityDay}), or a whole city day ({@link
 * org.onenumber.ops.simulator.CityDay}: Seoul's 42,000 or New York's record 277,000, with operators
 * in the {@link org.onenumber.ops.simulator.CityRoster}'s shifts, sized by the staffing planner).
 * {@link org.onenumber.ops.simulator.Simulation}
 * brings each citizen in at its (sped-up) instant by the arrival's channel — a chat over {@code
 * /ws/chat} ({@link org.onenumber.ops.simulator.ChatCitizen}), a text through a signed Twilio
 * webhook ({@link org.onenumber.ops.simulator.SmsCitizen}), a call to the server's FastAGI IVR
 * as Asterisk would make it ({@link org.onenumber.ops.simulator.VoiceCitizen}, whose {@code Dial}s
 * ring the simulated operators' phones), anything else by {@code POST /api/v1/contacts} — with trace second 0 at the server's midnight on a city day ({@link
 * org.onenumber.ops.simulator.ServerClockAlignment}), lets simulated
 * operators ({@link org.onenumber.ops.simulator.SimulatedOperator}) log in, accept the offers
 * pushed on their agent WebSocket, talk
 * for a sampled handle time and resolve or escalate, and lets impatient citizens abandon. At the
 * end it prints the figures it measured and those the server reports, per 15 minutes too
 * ({@link org.onenumber.ops.simulator.IntradayReport}). Against a server whose clock runs at the
 * same speed-up (the {@code simulation} environment) both are in trace seconds.
 */
package org.onenumber.ops.simulator;
