//! Who is asking: the client's address and scheme behind trusted reverse proxies.

use std::net::IpAddr;

use actix_web::HttpRequest;
use actix_web::http::header::{self, HeaderMap};
use ipnet::IpNet;

/// The reverse proxies whose `X-Forwarded-For`/`-Proto`/`-Host` are believed. From anyone else
/// those headers are ignored, so a client cannot choose its own address.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses a comma-separated list of addresses or CIDR blocks (`10.0.0.1, 192.168.0.0/16`).
    pub fn parse(text: &str) -> anyhow::Result<TrustedProxies> {
        let nets = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| anyhow::anyhow!("TRUSTED_PROXIES: {s:?} is not an IP address or CIDR block"))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(TrustedProxies(nets))
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client: the peer, or, when the peer is a trusted proxy, the nearest address in
    /// `X-Forwarded-For` that is not itself a trusted proxy. Read from the nearest hop outwards;
    /// at an entry that is not an address (with or without a port) the walk stops at the last
    /// trusted hop, so a client cannot slip an address of its choosing past a proxy.
    pub fn client_ip(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let mut hop = peer?;
        if !self.trusts(hop) {
            return Some(hop);
        }
        let entries: Vec<&str> =
            headers.get_all("x-forwarded-for").filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).collect();
        for entry in entries.into_iter().rev() {
            let Some(ip) = forwarded_address(entry) else {
                return Some(hop);
            };
            if !self.trusts(ip) {
                return Some(ip);
            }
            hop = ip;
        }
        Some(hop)
    }

    /// The scheme and host the client used, for absolute links.
    pub fn origin(&self, req: &HttpRequest) -> (String, String) {
        let own_scheme = if req.app_config().secure() { "https" } else { "http" };
        let own_host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map_or_else(|| req.app_config().host().to_string(), str::to_string);
        let forwarded = req.peer_addr().is_some_and(|peer| self.trusts(peer.ip()));
        let header = |name: &str| {
            req.headers()
                .get(name)
                .and_then(|h| h.to_str().ok())
                .map(|v| v.split(',').next().unwrap_or("").trim().to_string())
        };
        if !forwarded {
            return (own_scheme.to_string(), own_host);
        }
        let scheme =
            header("x-forwarded-proto").filter(|p| p == "http" || p == "https").unwrap_or(own_scheme.to_string());
        let host = header("x-forwarded-host").filter(|h| !h.is_empty() && h.len() <= 255).unwrap_or(own_host);
        (scheme, host)
    }
}

/// One `X-Forwarded-For` entry: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`, `[2001:db8::1]` or
/// `[2001:db8::1]:5678`; None for anything else.
fn forwarded_address(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| entry.strip_prefix('[')?.strip_suffix(']')?.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6))
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HeaderName::from_static("x-forwarded-for"), HeaderValue::from_str(xff).unwrap());
        h
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.168.1.1").unwrap();
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        // From a stranger, X-Forwarded-For is ignored.
        assert_eq!(proxies.client_ip(Some(ip("203.0.113.9")), &headers("1.2.3.4")), Some(ip("203.0.113.9")));
        // Through two trusted hops, the nearest untrusted address is the client; a spoofed
        // left-most entry does not win.
        assert_eq!(
            proxies.client_ip(Some(ip("10.1.2.3")), &headers("6.6.6.6, 198.51.100.7, 192.168.1.1")),
            Some(ip("198.51.100.7"))
        );
        assert_eq!(proxies.client_ip(Some(ip("10.1.2.3")), &HeaderMap::new()), Some(ip("10.1.2.3")));
        assert!(TrustedProxies::parse("not-an-ip").is_err());
    }

    #[test]
    fn forwarded_entries_with_ports_are_addresses_and_garbage_stops_the_walk() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let peer = Some(ip("10.0.0.1"));
        // A port is part of an address, not a reason to skip it (and so to believe the entry before).
        assert_eq!(proxies.client_ip(peer, &headers("6.6.6.6, 198.51.100.3:4444")), Some(ip("198.51.100.3")));
        assert_eq!(proxies.client_ip(peer, &headers("6.6.6.6, [2001:db8::7]:443")), Some(ip("2001:db8::7")));
        assert_eq!(proxies.client_ip(peer, &headers("[2001:db8::8]")), Some(ip("2001:db8::8")));
        // What is not an address ends the walk at the last trusted hop.
        assert_eq!(proxies.client_ip(peer, &headers("6.6.6.6, unknown")), Some(ip("10.0.0.1")));
        assert_eq!(proxies.client_ip(peer, &headers("6.6.6.6, garbage, 10.0.0.9")), Some(ip("10.0.0.9")));
        assert_eq!(proxies.client_ip(peer, &headers("6.6.6.6:1:2")), Some(ip("10.0.0.1")));
    }
}
