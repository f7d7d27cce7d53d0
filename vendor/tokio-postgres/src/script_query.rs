//! dbiam patch: one simple-protocol query whose COPY, if it is one, is driven by the
//! server's answer (CopyInResponse / CopyOutResponse / ErrorResponse), as psql does,
//! instead of by the caller guessing from the statement's text. A refused COPY is an
//! ordinary error that leaves the connection usable (upstream's `copy_in` loses it:
//! rust-postgres PR #1337), and the command tag comes back whole.

use crate::client::{InnerClient, Responses};
use crate::codec::FrontendMessage;
use crate::connection::RequestMessages;
use crate::copy_in::{CopyInMessage, CopyInReceiver};
use crate::simple_query::SimpleColumn;
use crate::{Error, SimpleQueryRow};
use bytes::{Bytes, BytesMut};
use fallible_iterator::FallibleIterator;
use futures_channel::mpsc;
use futures_util::SinkExt;
use postgres_protocol::message::backend::Message;
use postgres_protocol::message::frontend;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the server answered to a [`ScriptQuery`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ScriptMessage {
    /// The columns of the rows that follow.
    RowDescription(Arc<[SimpleColumn]>),
    /// A row.
    Row(SimpleQueryRow),
    /// A statement completed with this command tag (`INSERT 0 1`, `SELECT 3`, …).
    CommandComplete(String),
    /// The query was empty.
    EmptyQuery,
    /// The server waits for COPY data: send it with [`ScriptQuery::copy_data`], then
    /// [`ScriptQuery::copy_done`] or [`ScriptQuery::copy_fail`].
    CopyIn,
    /// The server sends COPY data: [`ScriptMessage::CopyData`] follows, then
    /// [`ScriptMessage::CopyDone`].
    CopyOut,
    /// A chunk of COPY TO STDOUT data.
    CopyData(Bytes),
    /// The COPY TO STDOUT data ended.
    CopyDone,
}

/// A simple-protocol query in flight (see the module docs).
pub struct ScriptQuery {
    responses: Responses,
    sender: Option<mpsc::Sender<CopyInMessage>>,
    columns: Option<Arc<[SimpleColumn]>>,
    done: bool,
    /// The server waits for COPY data: dropping the query then sends a CopyFail.
    copying: Arc<AtomicBool>,
}

pub(crate) async fn script_query(client: &InnerClient, query: &str) -> Result<ScriptQuery, Error> {
    let buf = client.with_buf(|buf| {
        frontend::query(query, buf).map_err(Error::encode)?;
        Ok(buf.split().freeze())
    })?;
    let (mut sender, receiver) = mpsc::channel(1);
    let copying = Arc::new(AtomicBool::new(false));
    let responses = client.send(RequestMessages::CopyIn(CopyInReceiver::simple(
        receiver,
        copying.clone(),
    )))?;
    sender
        .send(CopyInMessage::Message(FrontendMessage::Raw(buf)))
        .await
        .map_err(|_| Error::closed())?;
    Ok(ScriptQuery {
        responses,
        sender: Some(sender),
        columns: None,
        done: false,
        copying,
    })
}

impl ScriptQuery {
    /// The server's next answer; `None` once it is ready for the next query. An error
    /// (the server's ErrorResponse) may be followed by more answers: call `next` until
    /// `None`.
    pub async fn next(&mut self) -> Option<Result<ScriptMessage, Error>> {
        if self.done {
            return None;
        }
        let message = match self.responses.next().await {
            Ok(m) => m,
            Err(e) => {
                if e.as_db_error().is_none() {
                    self.finish();
                }
                return Some(Err(e));
            }
        };
        Some(match message {
            Message::RowDescription(body) => match body
                .fields()
                .map(|f| Ok(SimpleColumn::new(f.name().to_string())))
                .collect::<Vec<_>>()
            {
                Ok(columns) => {
                    let columns: Arc<[SimpleColumn]> = columns.into();
                    self.columns = Some(columns.clone());
                    Ok(ScriptMessage::RowDescription(columns))
                }
                Err(e) => Err(Error::parse(e)),
            },
            Message::DataRow(body) => match &self.columns {
                Some(columns) => SimpleQueryRow::new(columns.clone(), body).map(ScriptMessage::Row),
                None => Err(Error::unexpected_message()),
            },
            Message::CommandComplete(body) => match body.tag() {
                Ok(tag) => Ok(ScriptMessage::CommandComplete(tag.to_owned())),
                Err(e) => Err(Error::parse(e)),
            },
            Message::EmptyQueryResponse => Ok(ScriptMessage::EmptyQuery),
            Message::CopyInResponse(_) => {
                self.copying.store(true, Ordering::SeqCst);
                Ok(ScriptMessage::CopyIn)
            }
            Message::CopyOutResponse(_) => Ok(ScriptMessage::CopyOut),
            Message::CopyData(body) => Ok(ScriptMessage::CopyData(body.into_bytes())),
            Message::CopyDone => Ok(ScriptMessage::CopyDone),
            Message::ReadyForQuery(_) => {
                self.finish();
                return None;
            }
            _ => Err(Error::unexpected_message()),
        })
    }

    /// The request is over: let the connection go on to the next one.
    fn finish(&mut self) {
        self.done = true;
        self.sender = None;
    }

    async fn send(&mut self, buf: Bytes) -> Result<(), Error> {
        match self.sender.as_mut() {
            Some(sender) => sender
                .send(CopyInMessage::Message(FrontendMessage::Raw(buf)))
                .await
                .map_err(|_| Error::closed()),
            None => Err(Error::closed()),
        }
    }

    /// Send a chunk of COPY FROM STDIN data (after [`ScriptMessage::CopyIn`]).
    pub async fn copy_data(&mut self, data: Bytes) -> Result<(), Error> {
        let mut buf = BytesMut::with_capacity(data.len() + 5);
        frontend::CopyData::new(data)
            .map_err(Error::encode)?
            .write(&mut buf);
        self.send(buf.freeze()).await
    }

    /// End the COPY FROM STDIN data.
    pub async fn copy_done(&mut self) -> Result<(), Error> {
        let mut buf = BytesMut::new();
        frontend::copy_done(&mut buf);
        self.copying.store(false, Ordering::SeqCst);
        self.send(buf.freeze()).await
    }

    /// Abort the COPY FROM STDIN with `message` (the server answers with an error).
    pub async fn copy_fail(&mut self, message: &str) -> Result<(), Error> {
        let mut buf = BytesMut::new();
        frontend::copy_fail(message, &mut buf).map_err(Error::encode)?;
        self.copying.store(false, Ordering::SeqCst);
        self.send(buf.freeze()).await
    }
}
