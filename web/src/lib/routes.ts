import type { ComponentType, LazyExoticComponent } from 'react';
import type { Message } from './i18n';
import type { Role } from './session';

/** One entry of an area's route table; `roles` limits who may open it (undefined: everyone). */
export interface RouteDef {
  path: string;
  page: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> | ComponentType<{ params: Record<string, string> }>;
  roles?: readonly Role[];
}

/** A header link; shown to the listed roles (`'anonymous'` for visitors without a session). */
export interface NavItem {
  to: string;
  label: Message;
  roles: readonly (Role | 'anonymous')[];
}
