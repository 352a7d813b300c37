//! Who is asking: the client's address and scheme behind trusted reverse proxies, and the
//! write rate limit keyed on that address.

use std::net::IpAddr;

use actix_governor::{KeyExtractor, SimpleKeyExtractionError};
use actix_web::dev::ServiceRequest;
use actix_web::http::header::{self, HeaderMap};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use ipnet::IpNet;

use crate::error::{ProblemType, generic_problem};

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
    /// `X-Forwarded-For` that is not itself a trusted proxy.
    pub fn client_ip(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusts(peer) {
            return Some(peer);
        }
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|s| s.trim().parse().ok())
            .collect();
        Some(forwarded.into_iter().rev().find(|ip| !self.trusts(*ip)).unwrap_or(peer))
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

/// Rate-limit key: the client address as [`TrustedProxies::client_ip`] sees it.
#[derive(Clone, Debug)]
pub struct ClientIp(pub TrustedProxies);

impl KeyExtractor for ClientIp {
    type Key = IpAddr;
    type KeyExtractionError = SimpleKeyExtractionError<&'static str>;

    fn extract(&self, req: &ServiceRequest) -> Result<Self::Key, Self::KeyExtractionError> {
        self.0
            .client_ip(req.peer_addr().map(|a| a.ip()), req.headers())
            .ok_or_else(|| SimpleKeyExtractionError::new("the client address is unknown"))
    }

    fn exceed_rate_limit_response(
        &self,
        negative: &governor::NotUntil<governor::clock::QuantaInstant>,
        mut response: HttpResponseBuilder,
    ) -> HttpResponse {
        use governor::clock::{Clock, DefaultClock};
        let wait = negative.wait_time_from(DefaultClock::default().now()).as_secs().max(1);
        let status = actix_web::http::StatusCode::TOO_MANY_REQUESTS;
        let problem =
            generic_problem(ProblemType::TooManyRequests, status, format!("too many writes; retry in {wait} s"));
        response.insert_header(("retry-after", wait.to_string())).content_type(crate::error::PROBLEM_JSON).json(problem)
    }
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
}
