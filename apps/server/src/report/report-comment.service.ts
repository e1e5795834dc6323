import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rooms, type ReportComment } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { ReportService } from './report.service.js';

interface Row {
  id: string;
  report_id: string;
  store_id: string;
  author_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  created_at: Date;
}

const toComment = (r: Row): ReportComment => ({
  id: r.id,
  reportId: r.report_id,
  storeId: r.store_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorRole: r.author_role,
  body: r.body,
  createdAt: r.created_at.toISOString(),
});

/** The thread of a client report between the brand and the agency: read and written by whoever may see the report. */
@Injectable()
export class ReportCommentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportService,
    private readonly events: EventPublisher,
  ) {}

  async list(caller: Caller, reportId: string): Promise<{ items: ReportComment[] }> {
    await this.reports.get(caller, reportId); // 404 outside the caller's stores
    const rows = (await this.db.query(
      `SELECT k.*, u.name AS author_name, u.role AS author_role FROM report_comments k LEFT JOIN users u ON u.id = k.author_id WHERE k.report_id = $1 ORDER BY k.created_at, k.id`,
      [reportId],
    )) as Row[];
    return { items: rows.map(toComment) };
  }

  async add(caller: Caller, reportId: string, body: string): Promise<ReportComment> {
    const report = await this.reports.get(caller, reportId);
    const [row] = (await this.db.query(
      `INSERT INTO report_comments (report_id, store_id, author_id, body) VALUES ($1, $2, $3, $4)
       RETURNING *, $5::text AS author_name, $6::text AS author_role`,
      [reportId, report.storeId, caller.user.id, body, caller.user.name, caller.user.role],
    )) as Row[];
    const comment = toComment(row);
    this.events.toStore('report.commented', comment, [rooms.clientsOf(comment.storeId)]);
    return comment;
  }
}
