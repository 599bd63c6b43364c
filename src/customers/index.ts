import { customerEntity } from '../schema/entities.js';
import { createCustomersIn, deleteCustomersIn, getCustomer, listCustomers, updateCustomersIn } from './service.js';

/** The customers capability in the shape the generic routes and CLI expect. */
export const customers = {
  entity: customerEntity,
  list: listCustomers,
  get: getCustomer,
  createIn: createCustomersIn,
  updateIn: updateCustomersIn,
  deleteIn: deleteCustomersIn,
};
