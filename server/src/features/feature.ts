import type { Core } from '@strapi/strapi';
import type { Job, WorkerOptions } from 'bullmq';
import type { PluginConfig } from '../config/schema';
import type { Migration } from '../db/migration';
import type { Reactor } from '../events/reactors';
import type { ImportWork } from './imports/import-work';
import type { SendEngine } from './sending/engine';
import type { Scheduler } from './scheduling/scheduler';
import type { Retention } from './audience/privacy/retention';
import type { ReplyNotices } from './replies/owner-notice';
import type { DecisionRunner } from './experiments/decision-runner';

type StrapiContext = { strapi: Core.Strapi };

/** What a queue's worker and a maintenance job are given: the composition root's objects, never a service lookup. */
export interface QueueDependencies {
  config: PluginConfig;
  log: { warn(message: string): void; error(message: string): void };
  engine: SendEngine;
  /** Starts scheduled sends when their job fires, and reconciles the schedule queue with the database. */
  scheduler: Scheduler;
  imports: ImportWork;
  /** What reacts to each recorded delivery event (the events queue's worker calls them in turn). */
  reactors: readonly Reactor[];
  /** Deletes raw events past the editor's retention (the privacy maintenance job). */
  retention: Retention;
  /** Mails a campaign's owner about a person's reply (the replies queue's worker). */
  replyNotices: ReplyNotices;
  /** A/B tests' waits, decisions and winner sends (the experiments maintenance job). */
  decisions: DecisionRunner;
}

/*
 * The `any`s below are deliberate. BullMQ hands a processor the jobs of its own queue only, whose
 * names and data are typed where the processor is written. And a factory's result is left
 * unchecked here: checking it would make TypeScript infer every service's type while it is still
 * building the registry those services' types are derived from (services/index.ts), a cycle.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- see above */
export type QueueProcessor = (job: Job<any, any, any>) => any;
export type ServiceFactory = (context: StrapiContext) => any;
export type ControllerFactory = (context: StrapiContext) => any;
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface QueueWorker {
  /** Made for the app it runs in. */
  processor: (deps: QueueDependencies) => QueueProcessor;
  /** How many jobs one process runs at once. */
  concurrency: number | ((deps: QueueDependencies) => number);
  options?: Pick<WorkerOptions, 'maxStalledCount' | 'lockDuration' | 'stalledInterval'>;
  onFailed?: (deps: QueueDependencies) => (job: Job | undefined, error: Error) => void;
}

/** A queue a feature owns: opened in every process, worked (when it has a worker) where the worker mode says. */
export interface QueueDeclaration<K extends string = string> {
  key: K;
  /** The BullMQ queue name in Redis: never renamed, jobs already queued live under it. */
  name: string;
  worker?: QueueWorker;
}

/** A job a feature runs every so often on the shared maintenance queue, on whichever worker takes it. */
export interface MaintenanceJob {
  name: string;
  /** The BullMQ job scheduler id: one schedule per Redis prefix, whichever process upserts it. */
  scheduler: string;
  everyMs: number;
  run: (deps: QueueDependencies) => Promise<unknown>;
}

/** An admin or content-API route as Strapi takes it; `handler` is "controller.action". */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config: { auth?: false; policies?: unknown[]; middlewares?: unknown[] };
}

/** A permission action, its uid without the plugin prefix (the action provider adds it). */
export interface ActionDefinition {
  uid: string;
  subCategory: string;
  displayName: string;
}

/**
 * Everything one feature adds to the plugin. The plugin's entry assembles the features; nothing
 * outside a feature's folder lists what it holds.
 */
export interface Feature {
  services: Record<string, ServiceFactory>;
  controllers: Record<string, ControllerFactory>;
  adminRoutes: readonly RouteDefinition[];
  contentApiRoutes: readonly RouteDefinition[];
  queues: readonly QueueDeclaration[];
  maintenanceJobs: readonly MaintenanceJob[];
  migrations: readonly Migration[];
  actions: readonly ActionDefinition[];
}

/** Checks a feature's shape while keeping its literal types (service names, queue keys), which the registries derive theirs from. */
export const defineFeature = <const F extends Feature>(feature: F): F => feature;
