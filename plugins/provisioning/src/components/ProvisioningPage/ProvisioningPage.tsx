import { Route, Routes } from 'react-router-dom';
import { RequestsOverview } from './RequestsOverview';
import { RequestPage } from '../RequestPage/RequestPage';
import { ApprovalsPage } from '../ApprovalsPage/ApprovalsPage';

/** `/provisioning`, `/provisioning/requests/:id` and `/provisioning/approvals`. */
export const ProvisioningPage = () => (
  <Routes>
    <Route path="/" element={<RequestsOverview />} />
    <Route path="/requests/:id" element={<RequestPage />} />
    <Route path="/approvals" element={<ApprovalsPage />} />
  </Routes>
);
