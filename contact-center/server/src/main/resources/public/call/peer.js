// One WebRTC peer connection for a call, shared by the citizen's page and the operator's console.
// Signalling frames are applied one at a time in arrival order (a candidate never races the offer
// it belongs to); candidates found locally go out through send(). The operator offers, the
// citizen answers; on a renegotiation the operator restarts ICE. The STUN/TURN servers (with
// time-limited TURN credentials) come from the server in the session or joined frame; none means
// host candidates only (one machine or one network). The ICE transport policy ('all', or 'relay':
// media only through TURN) comes from the server's onenumber.call.ice-transport-policy.
// In a three-way call each pair of parties has its own CallPeer; `to` names the other end
// ('citizen', 'operator' or 'guest') and goes with every frame this peer sends.
export class CallPeer {
  constructor(contactId, send, onRemoteStream, iceServers = [], iceTransportPolicy = 'all', to = null) {
    this.contactId = contactId;
    this.to = to;
    this.send = to ? (frame) => send({ ...frame, to }) : send;
    this.queue = Promise.resolve();
    this.pc = new RTCPeerConnection({ iceServers, iceTransportPolicy });
    this.pc.addEventListener('icecandidate', (e) => {
      if (e.candidate) {
        this.send({ type: 'candidate', contactId: this.contactId, candidate: e.candidate.candidate,
          sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex });
      }
    });
    this.pc.addEventListener('track', (e) => onRemoteStream(e.streams[0]));
  }

  addStream(stream) {
    for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
  }

  /** The operator's side: a (new) offer; iceRestart when the connection is being renegotiated. */
  offer(iceRestart) {
    this.queue = this.queue.then(async () => {
      const offer = await this.pc.createOffer({ iceRestart });
      await this.pc.setLocalDescription(offer);
      this.send({ type: 'offer', contactId: this.contactId, sdp: this.pc.localDescription.sdp });
    }).catch((e) => console.warn('offer failed', e));
  }

  /** A relayed offer, answer or candidate frame. */
  apply(frame) {
    this.queue = this.queue.then(async () => {
      if (frame.type === 'offer') {
        await this.pc.setRemoteDescription({ type: 'offer', sdp: frame.sdp });
        await this.pc.setLocalDescription(await this.pc.createAnswer());
        this.send({ type: 'answer', contactId: this.contactId, sdp: this.pc.localDescription.sdp });
      } else if (frame.type === 'answer') {
        await this.pc.setRemoteDescription({ type: 'answer', sdp: frame.sdp });
      } else if (frame.type === 'candidate' && frame.candidate) {
        await this.pc.addIceCandidate({ candidate: frame.candidate, sdpMid: frame.sdpMid, sdpMLineIndex: frame.sdpMLineIndex });
      }
    }).catch((e) => console.warn('signalling failed', e));
  }

  /** Frames decoded, frame rate, loss, round-trip time and the route (local candidate type), from getStats(). */
  async quality() {
    const report = await this.pc.getStats();
    const q = { framesDecoded: 0, fps: 0, packetsLost: 0, packetsReceived: 0, bytesReceived: 0, rttMs: null,
      route: localCandidateType(report) };
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        q.framesDecoded += s.framesDecoded ?? 0;
        q.fps = s.framesPerSecond ?? q.fps;
      }
      if (s.type === 'inbound-rtp') {
        q.packetsLost += s.packetsLost ?? 0;
        q.packetsReceived += s.packetsReceived ?? 0;
        q.bytesReceived += s.bytesReceived ?? 0;
      }
      if (s.type === 'candidate-pair' && s.nominated && s.currentRoundTripTime !== undefined) {
        q.rttMs = Math.round(s.currentRoundTripTime * 1000);
      }
    });
    return q;
  }

  /** The type of the local candidate in use ('host', 'srflx', 'prflx' or 'relay'), or null before one is chosen. */
  async route() {
    return localCandidateType(await this.pc.getStats());
  }

  /** Ends the connection; the camera and microphone stay on unless {@code stopTracks}. */
  close(stopTracks = true) {
    if (stopTracks) this.pc.getSenders().forEach((s) => s.track?.stop());
    this.pc.close();
  }
}

/** The type of the selected candidate pair's local candidate in a getStats() report, or null. */
function localCandidateType(report) {
  let pairId = null;
  report.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId; });
  const pair = pairId && report.get(pairId);
  const local = pair && report.get(pair.localCandidateId);
  return local ? local.candidateType : null;
}

/** The call socket's address; the console adds its sign-in token. */
export function callSocketUrl(token) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws/call${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
