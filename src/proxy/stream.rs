//! The two byte streams of a proxied session: the local client's (TCP or Unix socket,
//! counting the bytes each way for the log line) and the upstream server's (TLS, or
//! plain TCP only when the sslmode allows it).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
#[cfg(unix)]
use tokio::net::UnixStream;
use tokio_rustls::client::TlsStream;

/// A local client's connection, with byte counters.
#[derive(Debug)]
pub struct ClientStream {
    inner: ClientInner,
    /// Bytes read from the client so far.
    pub from_client: u64,
    /// Bytes written to the client so far.
    pub to_client: u64,
}

#[derive(Debug)]
enum ClientInner {
    Tcp(TcpStream),
    #[cfg(unix)]
    Unix(UnixStream),
}

impl ClientStream {
    /// A client that came in over TCP.
    pub fn tcp(s: TcpStream) -> Self {
        let _ = s.set_nodelay(true);
        Self::new(ClientInner::Tcp(s))
    }

    /// A client that came in over a Unix socket.
    #[cfg(unix)]
    pub fn unix(s: UnixStream) -> Self {
        Self::new(ClientInner::Unix(s))
    }

    fn new(inner: ClientInner) -> Self {
        ClientStream {
            inner,
            from_client: 0,
            to_client: 0,
        }
    }
}

impl AsyncRead for ClientStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let r = match &mut this.inner {
            ClientInner::Tcp(s) => Pin::new(s).poll_read(cx, buf),
            #[cfg(unix)]
            ClientInner::Unix(s) => Pin::new(s).poll_read(cx, buf),
        };
        this.from_client += (buf.filled().len() - before) as u64;
        r
    }
}

impl AsyncWrite for ClientStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let r = match &mut this.inner {
            ClientInner::Tcp(s) => Pin::new(s).poll_write(cx, buf),
            #[cfg(unix)]
            ClientInner::Unix(s) => Pin::new(s).poll_write(cx, buf),
        };
        if let Poll::Ready(Ok(n)) = r {
            this.to_client += n as u64;
        }
        r
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match &mut self.get_mut().inner {
            ClientInner::Tcp(s) => Pin::new(s).poll_flush(cx),
            #[cfg(unix)]
            ClientInner::Unix(s) => Pin::new(s).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match &mut self.get_mut().inner {
            ClientInner::Tcp(s) => Pin::new(s).poll_shutdown(cx),
            #[cfg(unix)]
            ClientInner::Unix(s) => Pin::new(s).poll_shutdown(cx),
        }
    }
}

/// The connection to the database server.
#[derive(Debug)]
pub enum UpstreamStream {
    /// Plain TCP: only with `--no-iam` and an sslmode that allows it.
    Plain(TcpStream),
    /// TLS, verified as the sslmode says.
    Tls(Box<TlsStream<TcpStream>>),
}

impl UpstreamStream {
    /// Whether the stream is encrypted.
    pub fn is_tls(&self) -> bool {
        matches!(self, UpstreamStream::Tls(_))
    }
}

impl AsyncRead for UpstreamStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            UpstreamStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            UpstreamStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for UpstreamStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            UpstreamStream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            UpstreamStream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            UpstreamStream::Plain(s) => Pin::new(s).poll_flush(cx),
            UpstreamStream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            UpstreamStream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            UpstreamStream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}
